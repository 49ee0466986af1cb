// Cline's replace_in_file `diff`: SEARCH/REPLACE blocks, current markers (`------- SEARCH`, `=======`,
// `+++++++ REPLACE`) and the older merge-conflict style (`<<<<<<< SEARCH`, `>>>>>>> REPLACE`).

const SEARCH = /^(?:-{3,}|<{3,}) ?SEARCH>?\s*$/;
const DIVIDER = /^={3,}\s*$/;
const REPLACE = /^(?:\+{3,}|>{3,}) ?REPLACE>?\s*$/;

export function parseSearchReplace(diff: string): { oldText: string; newText: string }[] {
  const out: { oldText: string; newText: string }[] = [];
  let state: 'out' | 'search' | 'replace' = 'out';
  let oldLines: string[] = [];
  let newLines: string[] = [];
  for (const raw of diff.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (state === 'out' && SEARCH.test(line)) {
      state = 'search';
      oldLines = [];
      newLines = [];
    } else if (state === 'search' && DIVIDER.test(line)) state = 'replace';
    else if (state === 'replace' && REPLACE.test(line)) {
      out.push({ oldText: oldLines.join('\n'), newText: newLines.join('\n') });
      state = 'out';
    } else if (state === 'search') oldLines.push(line);
    else if (state === 'replace') newLines.push(line);
  }
  // An unterminated block still tells us what would be written.
  if (state === 'replace') out.push({ oldText: oldLines.join('\n'), newText: newLines.join('\n') });
  return out;
}
