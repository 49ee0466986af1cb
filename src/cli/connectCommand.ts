// `countersign connect --agent NAME|all [--scope user|repo] [--workspace DIR]` and `countersign disconnect`
// (same flags): the Connect Agents command without VS Code, for devcontainers, dotfiles and CI. Same planning
// and writing code as the extension (src/agents/connect.ts); the hook runs a shim in ~/.local/share/countersign.
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENTS, agentInfo, type Locations, type Scope } from '../agents/catalog';
import { cliDataDir, writeCliShim } from '../agents/cliShim';
import { applyChanges, planConnection, planDisconnection } from '../agents/connect';
import { ConnectionManifest } from '../agents/manifest';
import { changes } from '../agents/plan';
import type { AgentName } from '../policy/types';

const USAGE = 'usage: countersign connect|disconnect --agent NAME|all [--scope user|repo] [--workspace DIR]\n' + `agents: ${AGENTS.map((a) => a.agent).join(', ')}, all\n`;

class UsageError extends Error {}

interface Parsed {
  agents: AgentName[];
  scope: Scope | undefined;
  where: Locations;
}

function parse(argv: string[]): Parsed {
  const { values } = parseArgs({ args: argv, options: { agent: { type: 'string', multiple: true }, scope: { type: 'string' }, workspace: { type: 'string' } }, strict: true });
  const names = (values.agent ?? []).flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--agent is required');
  const known = new Set<string>(AGENTS.map((a) => a.agent));
  const agents = names.includes('all') ? AGENTS.map((a) => a.agent) : names.map((n) => {
    if (!known.has(n)) throw new UsageError(`unknown agent '${n}'`);
    return n as AgentName;
  });
  if (values.scope !== undefined && values.scope !== 'user' && values.scope !== 'repo') throw new UsageError(`--scope must be user or repo, not '${values.scope}'`);
  const scope: Scope | undefined = values.scope === 'repo' ? 'workspace' : values.scope === 'user' ? 'user' : undefined;
  // The user's own configs: HOME as every other command reads it; CODEX_HOME is where Codex itself reads.
  const where: Locations = { home: homedir(), workspace: resolve(values.workspace ?? process.cwd()) };
  if (process.env.CODEX_HOME) where.codexHome = process.env.CODEX_HOME;
  return { agents: [...new Set(agents)], scope, where };
}

function guarded<T>(argv: string[], run: (p: Parsed) => T): T | number {
  try {
    return run(parse(argv));
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`countersign: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

export function runConnect(argv: string[], cliPath: string = realpathSync(process.argv[1] ?? '')): Promise<number> {
  return Promise.resolve(
    guarded(argv, ({ agents, scope, where }) => {
      const shim = writeCliShim(where.home, process.execPath, cliPath);
      // An editor extension's folder is versioned: after an update this path is gone and the shim denies everything.
      if (/[\\/]\.?(vscode|vscode-server|cursor|windsurf|vscodium|code-server)[^\\/]*[\\/](data[\\/])?extensions[\\/]/i.test(cliPath)) {
        process.stderr.write(`countersign: note: this CLI runs from an editor extension folder (${cliPath}), which changes when the extension updates; the hook then denies every action until you connect again. In VS Code, "Countersign: Connect Agents…" writes a hook that follows updates.\n`);
      }
      const plans = planConnection(agents, scope ?? 'user', where, shim);
      const applied = applyChanges(plans);
      new ConnectionManifest(cliDataDir(where.home)).update(Object.fromEntries(applied.map((a) => [a.plan.target.file, { created: a.plan.created }])));
      for (const a of applied) process.stdout.write(`connected ${agentInfo(a.plan.target.agent).label}: ${a.plan.target.file}\n`);
      for (const p of plans.filter((p) => !p.problem && !changes(p))) process.stdout.write(`already connected ${agentInfo(p.target.agent).label}: ${p.target.file}\n`);
      const notes = [...new Set(applied.map((a) => agentInfo(a.plan.target.agent).note).filter((n): n is string => !!n))];
      for (const n of notes) process.stdout.write(`note: ${n}\n`);
      if (plans.some((p) => p.target.shared && changes(p))) process.stdout.write('note: repository files run `countersign` from PATH: everyone using them needs Countersign installed.\n');
      const problems = plans.filter((p) => p.problem);
      for (const p of problems) process.stderr.write(`countersign: not connected ${agentInfo(p.target.agent).label}: ${p.problem ?? ''}\n`);
      process.stdout.write('Run `countersign doctor` to check that the hooks will run.\n');
      return problems.length > 0 ? 1 : 0;
    }),
  );
}

export function runDisconnect(argv: string[]): Promise<number> {
  return Promise.resolve(
    guarded(argv, ({ agents, scope, where }) => {
      const manifest = new ConnectionManifest(cliDataDir(where.home));
      const plans = planDisconnection(agents, where, (f) => manifest.created(f), scope ? [scope] : undefined);
      const applied = applyChanges(plans);
      manifest.update(Object.fromEntries(applied.map((a) => [a.plan.target.file, undefined])));
      for (const a of applied) process.stdout.write(`disconnected ${agentInfo(a.plan.target.agent).label}: ${a.plan.target.file}${a.action === 'deleted' ? ' (deleted)' : ''}\n`);
      if (applied.length === 0) process.stdout.write('nothing to disconnect\n');
      const problems = plans.filter((p) => p.problem);
      for (const p of problems) process.stderr.write(`countersign: not disconnected ${agentInfo(p.target.agent).label}: ${p.problem ?? ''}\n`);
      return problems.length > 0 ? 1 : 0;
    }),
  );
}
