// `countersign evaluate`: classify payloads offline and print verdicts as JSON. Never contacts the gate.
//   evaluate [--agent NAME]          one payload on stdin → one {"risk","reasons","effects","action","changes"} line
//   evaluate --jsonl [--agent NAME]  one payload per line → one result per line, in order; a line that is not
//                                    JSON prints {"error": …} and the run goes on. Lines with the same agent and
//                                    session id are one session, remembered as the gate remembers it.
//   --workspace DIR (repeatable)     the open workspace folders (default: the current directory)
//   --platform win32|linux|darwin    judge as on that operating system (default: this one): on win32 the terminal
//                                    tools of VS Code, Codex, Gemini CLI, Cursor and Cline run PowerShell
//   --sensitive-path GLOB, --allowed-path GLOB (repeatable)
//                                    settings to try, as countersign.sensitivePaths / allowedPaths would add them.
// Only flags set anything: no environment variable changes a verdict (an agent's environment is not the user's).
// Exit status is 0 unless stdin cannot be read (1) or --platform names no platform (2).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Policy } from '../policy';
import { AGENT_NAMES, isAgentName, type AgentName, type Platform } from '../policy/types';
import { hostPlatform } from '../gate/hostPlatform';
import { loadPolicy } from './lazyBundles';
import { readStdin } from './stdin';
import { policyForHomes } from '../gate/policyForHomes';
import { gateSearchDirs, policyHomes, stateDir } from '../ipc/runtimeDir';

interface EvaluateOptions {
  agent: AgentName | undefined;
  jsonl: boolean;
  workspaces: string[];
  sensitivePaths: string[];
  allowedPaths: string[];
  platform: Platform;
}

function options(argv: string[]): EvaluateOptions {
  const { values } = parseArgs({
    args: argv,
    options: { agent: { type: 'string' }, jsonl: { type: 'boolean' }, workspace: { type: 'string', multiple: true }, 'sensitive-path': { type: 'string', multiple: true }, 'allowed-path': { type: 'string', multiple: true }, platform: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const list = (v: unknown): string[] => (Array.isArray(v) ? v : []).filter((w): w is string => typeof w === 'string' && w !== '');
  const workspaces = list(values.workspace).map((w) => resolve(w));
  const paths = { sensitivePaths: list(values['sensitive-path']), allowedPaths: list(values['allowed-path']) };
  const agent = values.agent;
  const platform = platformOf(values.platform);
  if (agent !== undefined && !isAgentName(agent)) {
    // A wrong name must not stop the run: say so, and detect each payload's format instead.
    process.stderr.write(`countersign evaluate: unknown agent '${String(agent)}' (expected ${AGENT_NAMES.join(', ')}); detecting the format from each payload\n`);
    return { agent: undefined, jsonl: values.jsonl === true, workspaces, ...paths, platform };
  }
  return { agent: agent, jsonl: values.jsonl === true, workspaces, ...paths, platform };
}

const PLATFORMS: readonly Platform[] = ['win32', 'linux', 'darwin'];

/** `--platform`: one of the three, else the host's (a wrong name is said, never silently taken). */
function platformOf(v: unknown): Platform {
  if (v === undefined) return hostPlatform();
  if (typeof v === 'string' && (PLATFORMS as readonly string[]).includes(v)) return v as Platform;
  throw new UsageError(`countersign evaluate: --platform must be one of ${PLATFORMS.join(', ')} (got ${JSON.stringify(v)})`);
}

class UsageError extends Error {}

/** One output line for one input text: the verdict, or {"error"} when the text is not JSON. */
export function evaluateLine(policy: Policy, text: string, agent: AgentName | undefined): string {
  let payload: unknown;
  try {
    payload = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // a UTF-8 BOM is not a bad payload
  } catch (err) {
    return JSON.stringify({ error: `not valid JSON: ${(err as Error).message}` });
  }
  const verdict = policy.evaluate(payload, agent);
  try {
    return JSON.stringify({ risk: verdict.risk, reasons: verdict.reasons, effects: verdict.effects, action: verdict.action, changes: verdict.changes ?? [] });
  } catch (err) {
    // A verdict that cannot be printed must not end the run (or the other lines' answers) either.
    return JSON.stringify({ error: `the verdict could not be printed: ${(err as Error).message}`, risk: 'sensitive' });
  }
}

export async function runEvaluate(argv: string[]): Promise<number> {
  let opts: EvaluateOptions;
  try {
    opts = options(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  const { agent, jsonl, workspaces, sensitivePaths, allowedPaths, platform } = opts;
  let text: string;
  try {
    text = await readStdin();
  } catch (err) {
    process.stderr.write(`countersign evaluate: cannot read stdin: ${(err as Error).message}\n`);
    return 1;
  }
  // The engine is its own bundle (dist/policy.js): the CLI stays small for the hook's fast path.
  const policy = await policyForHomes(loadPolicy().createPolicy, {
    sensitivePaths,
    allowedPaths,
    protectedPaths: [...gateSearchDirs(), stateDir()],
    workspaceFolders: workspaces.length > 0 ? workspaces : [process.cwd()],
    platform,
  }, policyHomes());
  if (!jsonl) {
    process.stdout.write(evaluateLine(policy, text, agent) + '\n');
    return 0;
  }
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue; // blank lines (a trailing newline) are not payloads
    out.push(evaluateLine(policy, line, agent));
    if (out.length >= 256) process.stdout.write(out.splice(0).join('\n') + '\n');
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  return 0;
}
