// Deletes from interpreter code (`os.remove('x')`, `shutil.rmtree('build')`, `Path('x').unlink()`,
// `fs.rmSync('dist', {recursive: true})`, `FileUtils.rm_rf('tmp')`, `unlink('x')`) judged by what they lose, as shell
// `rm` is (git/loss.ts): a file this session created, one git ignores or has unchanged, loses nothing; anything else
// is a review naming the file. Only a path the code spells as a constant (a literal, or a name bound once to one)
// is judged: a path computed at run time (`expanduser`, a join, an f-string, a loop variable) stays the review it
// was. The path itself is still checked like any other literal (secret, guard and system paths stay flagged).
import type { DeleteMode, Loss } from '../git/loss';
import { lossOfDelete } from '../git/loss';
import type { ShellAnalyzer } from './analyzer';
import { isPlainLiteral } from './codeEval';
import { SYSTEM_ROOTS } from './commands/destructive';
import { lossContext } from './deleteLoss';
import type { CodeLanguage } from './interpreterCode';

/** A delete call at the start of `call` (the write rule's match) and whether it takes folders with it. */
function deleteMode(call: string, lang: CodeLanguage): DeleteMode | undefined {
  const c = call.replace(/\s+/g, '');
  if (lang === 'python') {
    if (/^shutil\.rmtree\($/.test(c)) return 'recursive';
    if (/^(?:os\.(?:remove|unlink|rmdir)|\.unlink|\.rmdir)\($/.test(c)) return 'files';
    return undefined;
  }
  if (lang === 'node') {
    if (/^(?:rm|rmSync)\($/.test(c)) return 'recursive'; // judged as recursive whatever the options say
    if (/^(?:unlink|unlinkSync|rmdir|rmdirSync)\($/.test(c)) return 'files';
    return undefined;
  }
  if (lang === 'ruby') {
    if (/^FileUtils\.rm_(?:rf|r)$/.test(c)) return 'recursive';
    if (/^(?:FileUtils\.rm|File\.(?:delete|unlink))$/.test(c)) return 'files';
    return undefined;
  }
  if (lang === 'php' && /^unlink\($/.test(c)) return 'files';
  return undefined;
}

const STRING = /^(['"])((?:(?!\1)[^\\\n])*)\1$/;

/** The constant a name is bound to, when the code binds it exactly once, to a plain string literal. */
function boundConstant(code: string, name: string, lang: CodeLanguage): string | undefined {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  const esc = name.replace(/\$/g, '\\$');
  const bindings = [...code.matchAll(new RegExp(`(?<![\\w.$])(?:(?:const|let|var)\\s+)?${esc}\\s*=(?!=)\\s*([^\\n;]*)`, 'g'))];
  // Any other way the name could be bound (a loop, `as`, a tuple, augmented assignment) makes it unknown.
  const other = new RegExp(`\\b(?:for|as)\\s+(?:[\\w$]+\\s*,\\s*)*${esc}\\b|[,(]\\s*${esc}\\s*[,)]\\s*=|${esc}\\s*[-+*/|&%]=|\\bglobal\\s+${esc}\\b`);
  if (bindings.length !== 1 || other.test(code)) return undefined;
  const value = bindings[0]![1]!.trim();
  const lit = STRING.exec(value);
  return lit && isPlainLiteral(value, lang) ? lit[2] : undefined;
}

/** The path the delete's first argument names: a plain literal or a name bound once to one. */
function constantTarget(code: string, argText: string, lang: CodeLanguage): string | undefined {
  const first = (/^\s*\(?\s*([^,)]*)/.exec(argText)?.[1] ?? '').trim();
  const lit = STRING.exec(first);
  if (lit) return isPlainLiteral(first, lang) ? lit[2] : undefined;
  return boundConstant(code, first, lang);
}

/** Whether the code writes `path` (by that literal or by a name bound to it) before `at`: it creates the file. */
function writtenBefore(code: string, at: number, path: string): boolean {
  const before = code.slice(0, at);
  const q = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names = [...before.matchAll(new RegExp(`(?<![\\w.$])(?:(?:const|let|var)\\s+)?([A-Za-z_$][\\w$]*)\\s*=\\s*(['"])${q}\\2\\s*(?:$|[\\n;#])`, 'gm'))].map((m) => m[1]!);
  const refs = [`(['"])${q}\\1`, ...names.map((n) => `(?<![\\w.$])${n}(?![\\w$])`)];
  return refs.some((r) =>
    new RegExp(`\\bopen\\s*\\(\\s*${r}\\s*,\\s*(?:mode\\s*=\\s*)?['"][wax]|\\bPath\\s*\\(\\s*${r}\\s*\\)\\s*\\.\\s*(?:write_text|write_bytes|touch)\\s*\\(|\\b(?:writeFileSync|writeFile|appendFileSync)\\s*\\(\\s*${r}|\\bFile\\s*\\.\\s*write\\s*\\(\\s*${r}|\\bfile_put_contents\\s*\\(\\s*${r}`).test(before),
  );
}

export interface CodeDelete {
  /** What is lost; 'root' for the system or home directory taken recursively. */
  loss: Loss | 'root';
  path: string;
  abs: string;
  mode: DeleteMode;
  /** Where the code spells the path (inside its quotes), so the effect names the file deleted. */
  at: { start: number; end: number };
}

/**
 * Judges the delete call matched at `index` (`call` is the match, `argText` its argument list) by what it loses.
 * undefined when it is not a delete, its path is not a constant, or the disk cannot tell (the caller keeps its
 * review).
 */
export function judgeCodeDelete(a: ShellAnalyzer, lang: CodeLanguage, code: string, index: number, call: string, argText: string): CodeDelete | undefined {
  const mode = deleteMode(call, lang);
  if (!mode) return undefined;
  const path = /^\s*\.(?:unlink|rmdir)/.test(call) ? receiverPath(code, index, lang) : constantTarget(code, argText, lang);
  if (path === undefined || path === '' || /^~|\$|%|\{/.test(path)) return undefined;
  const abs = a.resolve(path);
  if (abs === undefined) return undefined;
  const end = index + call.length + argText.length;
  const quoted = Math.max(code.lastIndexOf(`'${path}'`, end), code.lastIndexOf(`"${path}"`, end));
  const at = quoted >= 0 ? { start: quoted + 1, end: quoted + 1 + path.length } : { start: index, end: index + call.length };
  if (mode === 'recursive' && (abs === a.home || SYSTEM_ROOTS.test(abs))) return { path, abs, mode, at, loss: 'root' };
  const c = lossContext(a);
  if (!c) return undefined;
  const loss = lossOfDelete([{ abs, glob: false }], mode, c);
  // A file the same code writes earlier and that is not on the disk yet: the code made it.
  if (loss.lost && !c.world.stat?.(abs) && writtenBefore(code, index, path)) return { path, abs, mode, at, loss: { lost: false, why: 'this code creates it first' } };
  return { path, abs, mode, at, loss };
}

function receiverPath(code: string, index: number, lang: CodeLanguage): string | undefined {
  const m = /\bPath\s*\(\s*((['"])(?:(?!\2)[^\\\n])*\2)\s*\)\s*$/.exec(code.slice(Math.max(0, index - 400), index));
  return m && isPlainLiteral(m[1]!, lang) ? m[1]!.slice(1, -1) : undefined;
}
