// `countersign audit verify FILE…` / `countersign audit export --format jsonl|csv FILE…` (the logic is in src/audit).
// Arguments are files or log directories (a directory stands for its files in chain order), taken as one chain in
// the order given; a directory holding several side-by-side chains (two gates on one workspace) must be the only
// argument, and each chain is checked on its own. verify exits 0 intact, 1 broken (the first broken entry is
// named), 3 only a torn last line, 2 usage or I/O; with several chains, the worst of them.
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMAND_USAGE } from './usage';
import { csvHeader, csvRow, exportEntries, isNamedChain, listLogs, logFilePrefix, verifyLog, type AuditFilter, type VerifyResult } from '../audit';
import { AGENT_NAMES, type Risk } from '../policy/types';
import type { Decision } from '../protocol/hookWire';

export const EXIT_INTACT = 0;
export const EXIT_BROKEN = 1;
export const EXIT_USAGE = 2;
export const EXIT_TORN = 3;

const USAGE = COMMAND_USAGE.audit ?? '';

const RISKS: readonly Risk[] = ['safe', 'review', 'sensitive', 'blocked'];
const DECISIONS: readonly (Decision | 'pending')[] = ['allow', 'deny', 'pending'];
const AGENTS: readonly string[] = [...AGENT_NAMES, 'unknown'];

class UsageError extends Error {}

function list<T extends string>(values: string[] | undefined, allowed: readonly T[], what: string): T[] | undefined {
  if (!values) return undefined;
  const out = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const bad = out.filter((v) => !(allowed as readonly string[]).includes(v));
  if (bad.length) throw new UsageError(`unknown ${what} '${bad.join("', '")}' (one of: ${allowed.join(', ')})`);
  return out as T[];
}

/**
 * A file that starts a named chain (`gate --headless --audit FILE` wrote FILE, then FILE.1, … on rotation) stands
 * for the whole chain; any other file stands for itself.
 */
async function namedChainFiles(file: string): Promise<string[]> {
  const prefix = basename(file);
  if (!isNamedChain(prefix) || logFilePrefix(prefix) !== prefix) return [file];
  const chain = (await listLogs(dirname(file))).get(prefix) ?? [];
  return chain.length > 0 ? chain : [file];
}

/**
 * The chains to check: the arguments in order as one chain (a directory contributes its files in chain order), or,
 * for a lone directory holding several chains, each of them.
 */
async function resolveChains(args: string[]): Promise<string[][]> {
  if (!args.length) throw new UsageError('no log files given');
  const files: string[] = [];
  for (const arg of args) {
    const st = await stat(arg).catch(() => undefined);
    if (!st) throw new Error(`${arg}: no such file or directory`);
    if (!st.isDirectory()) {
      files.push(...(await namedChainFiles(arg)));
      continue;
    }
    const logs = await listLogs(arg);
    if (!logs.size) throw new Error(`${arg}: no audit log files (<prefix>-NNNNNN.jsonl) in this directory`);
    if (logs.size > 1) {
      if (args.length > 1) throw new UsageError(`${arg} holds several chains (${[...logs.keys()].join(', ')}): give it alone, or name the files`);
      return [...logs.values()];
    }
    files.push(...[...logs.values()][0] ?? []);
  }
  return [files];
}

function range(r: VerifyResult): string {
  return r.start && r.last ? `seq ${r.start.seq}..${r.last.seq}` : 'no entries';
}

/** The one-line verdict, and the exit code that goes with it. */
export function describeVerify(r: VerifyResult): { line: string; code: number } {
  const notes: string[] = [];
  if (r.start && r.start.seq !== 0) notes.push(`the chain continues from an earlier file not given (starts at seq ${r.start.seq})`);
  for (const t of r.recovered) notes.push(`a torn write (${t.bytes} bytes) was cut off by the writer after a crash (${t.file} line ${t.line}, seq ${t.seq})`);
  const tail = notes.length ? `; ${notes.join('; ')}` : '';
  const files = `${r.files.length} file${r.files.length === 1 ? '' : 's'}`;
  switch (r.status) {
    case 'intact':
      return { line: `intact: ${r.entries} entries in ${files}, ${range(r)}, head ${r.last?.hash ?? '-'}${tail}`, code: EXIT_INTACT };
    case 'torn': {
      const t = r.torn;
      const what = t && t.bytes === 0 ? 'the newest file is empty (crash while starting it)' : `incomplete last line (${t?.bytes ?? 0} bytes, no newline): a crash during an append`;
      return { line: `torn: ${t?.file ?? ''} line ${t?.line ?? 0}: ${what}; the ${r.entries} entries before it are intact (${range(r)})${tail}`, code: EXIT_TORN };
    }
    case 'broken': {
      const p = r.problem;
      const seq = p?.seq === undefined ? '' : ` (seq ${p.seq})`;
      return { line: `broken: ${p?.file ?? ''} line ${p?.line ?? 0}${seq}: ${p?.message ?? 'unknown problem'} [${p?.kind ?? '?'}]; ${r.entries} entries before it verified${tail}`, code: EXIT_BROKEN };
    }
  }
}

async function verify(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { anchor: { type: 'string' }, json: { type: 'boolean' } } });
  if (values.anchor !== undefined && !/^[0-9a-fA-F]{8,64}$/.test(values.anchor)) throw new UsageError('--anchor takes a SHA-256 hex digest or a prefix of at least 8 hex digits');
  const chains = await resolveChains(positionals);
  let worst = EXIT_INTACT;
  for (const files of chains) {
    const result = await verifyLog(files, values.anchor === undefined ? {} : { anchor: values.anchor });
    const { line, code } = describeVerify(result);
    if (values.json) process.stdout.write(`${JSON.stringify({ ...result, summary: line })}\n`);
    else (code === EXIT_INTACT ? process.stdout : process.stderr).write(`${line}\n`);
    if (code === EXIT_BROKEN || (code === EXIT_TORN && worst === EXIT_INTACT)) worst = code;
  }
  return worst;
}

/** Writes with back-pressure; false once the reader went away (`| head`). */
function out(text: string): Promise<boolean> {
  if (process.stdout.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve(true);
    else process.stdout.once('drain', () => resolve(true));
  });
}

async function exportLog(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'jsonl' },
      agent: { type: 'string', multiple: true },
      risk: { type: 'string', multiple: true },
      decision: { type: 'string', multiple: true },
    },
  });
  const format = values.format;
  if (format !== 'jsonl' && format !== 'csv') throw new UsageError(`--format must be jsonl or csv, not '${format}'`);
  const filter: AuditFilter = {};
  const agents = list(values.agent, AGENTS, 'agent');
  const risks = list(values.risk, RISKS, 'risk');
  const decisions = list(values.decision, DECISIONS, 'decision');
  if (agents) filter.agents = agents;
  if (risks) filter.risks = risks;
  if (decisions) filter.decisions = decisions;
  const files = (await resolveChains(positionals)).flat();
  process.stdout.on('error', () => undefined); // EPIPE: the reader stopped; nothing left to do
  if (format === 'csv' && !(await out(csvHeader()))) return 0;
  const skip = (file: string, line: number, why: string) => process.stderr.write(`countersign audit export: skipped ${file} line ${line}: ${why}\n`);
  for await (const { entry, raw, item, chain } of exportEntries(files, filter, skip)) {
    if (!(await out(format === 'csv' ? csvRow(entry, item, chain) : `${raw}\n`))) break;
  }
  return 0;
}

export async function runAudit(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    if (sub === 'verify') return await verify(rest);
    if (sub === 'export') return await exportLog(rest);
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      process.stdout.write(USAGE);
      return sub === undefined ? EXIT_USAGE : 0;
    }
    throw new UsageError(`unknown audit command '${sub}'`);
  } catch (err) {
    const usage = err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`countersign audit: ${(err as Error).message}\n${usage ? USAGE : ''}`);
    return EXIT_USAGE;
  }
}
