// The payloads the real agents sent, kept as fixtures: one file per agent, event, tool and outcome, with this
// run's temporary paths replaced by the /home/dev/proj of the shared samples, so the files do not churn by path.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentName } from '../../src/policy/types';
import type { HookCall, Sandbox } from './sandbox';
import { hookDenied, payloadEvent, payloadTool } from './verdict';

export interface Capture {
  name: string;
  /** Pretty-printed, paths rewritten. */
  text: string;
}

function rewritePaths(text: string, sb: Sandbox): string {
  // Longest first: the project lives inside the sandbox root.
  // Claude Code names its transcript folder after the project path with every non-alphanumeric turned into '-'.
  const dashed = (p: string) => p.replace(/[^A-Za-z0-9]/g, '-');
  const swaps: [string, string][] = [
    [dashed(sb.project), dashed('/home/dev/proj')],
    [sb.project, '/home/dev/proj'],
    [sb.home, '/home/dev'],
    [sb.root, '/home/dev/.sandbox'],
  ];
  let out = text;
  for (const [from, to] of swaps) out = out.split(from).join(to);
  return out;
}

export function toCapture(agent: AgentName, call: HookCall, sb: Sandbox): Capture {
  const payload = JSON.parse(call.payload) as Record<string, unknown>;
  const denied = hookDenied(agent, call) ? '-denied' : '';
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');
  const name = `${agent}-${safe(payloadEvent(payload))}-${safe(payloadTool(payload))}${denied}.json`;
  return { name, text: `${rewritePaths(JSON.stringify(payload, null, 2), sb)}\n` };
}

export function writeCaptures(dir: string, captures: readonly Capture[]): void {
  mkdirSync(dir, { recursive: true });
  for (const c of captures) writeFileSync(join(dir, c.name), c.text);
}

/** Dotted key paths of a JSON value (`tool_input.command`, `toolArgs.path`, `tool_call.input.files[].path`). */
export function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 ? keyPaths(value[0], `${prefix}[]`) : [`${prefix}[]`];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const p = prefix ? `${prefix}.${k}` : k;
      return [p, ...keyPaths(v, p)];
    });
  }
  return [];
}

/**
 * Fields the committed fixture of the same name has and this run's payload lacks: a field that disappears or is
 * renamed is how a new agent release breaks payload parsing. New fields are fine.
 */
export function missingFields(fixturesDir: string, capture: Capture): string[] | undefined {
  const file = join(fixturesDir, capture.name);
  if (!existsSync(file)) return undefined;
  const before = new Set(keyPaths(JSON.parse(readFileSync(file, 'utf8'))));
  const now = new Set(keyPaths(JSON.parse(capture.text)));
  return [...before].filter((k) => !now.has(k));
}
