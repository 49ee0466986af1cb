// `countersign status [--json]`: where gates register and which are live (never prints tokens).
import { parseArgs } from 'node:util';
import { liveGates } from '../ipc/registry';
import { gateSearchDirs, runtimeDir } from '../ipc/runtimeDir';

export function runStatus(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
  const dir = runtimeDir();
  const seen = new Set<string>();
  const gates = gateSearchDirs().flatMap((d) => liveGates(d)).filter((g) => !seen.has(g.id) && (seen.add(g.id), true)).map(({ id, pid, socket, folders, headless, startedAt }) => ({ id, pid, socket, folders, headless, startedAt }));
  if (values.json) {
    process.stdout.write(JSON.stringify({ runtimeDir: dir, gates }) + '\n');
  } else {
    process.stdout.write(`runtime directory: ${dir}\n`);
    if (gates.length === 0) process.stdout.write('no live gate: open a folder in VS Code with Countersign (hooks deny until then)\n');
    for (const g of gates) {
      process.stdout.write(`gate ${g.id.slice(0, 8)} pid ${g.pid}${g.headless ? ' (headless)' : ''}: ${g.folders.join(', ') || '(no folder)'}\n  socket ${g.socket}\n`);
    }
  }
  return Promise.resolve(0);
}
