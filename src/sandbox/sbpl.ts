// A macOS sandbox-exec (Seatbelt) profile for a plan (pure). Later rules win in SBPL: everything is allowed, then
// writing is denied everywhere except the writable folders, then read-only paths lose write again, and hidden
// paths lose both. Generated and unit-tested here; not exercised on macOS in CI.
import type { SandboxPlan } from './types';

/** An SBPL string literal: backslashes and quotes escaped, control characters refused (no path holds them legitimately). */
export function sbplString(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(s)) throw new Error(`path with a control character cannot go into a sandbox profile: ${JSON.stringify(s)}`);
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const subpath = (p: string): string => `(subpath ${sbplString(p)})`;
const literal = (p: string): string => `(literal ${sbplString(p)})`;

/** Devices every program writes (its terminal, /dev/null). */
const DEVICE_WRITES = ['(literal "/dev/null")', '(literal "/dev/zero")', '(literal "/dev/tty")', '(literal "/dev/dtracehelper")', '(regex #"^/dev/ttys[0-9]+$")', '(regex #"^/dev/fd/")'];

export function sbplProfile(plan: SandboxPlan): string {
  const lines = ['(version 1)', '(allow default)', '(deny file-write*)'];
  lines.push(`(allow file-write*\n  ${[...plan.writable.map(subpath), ...DEVICE_WRITES].join('\n  ')})`);
  if (plan.readOnly.length) lines.push(`(deny file-write*\n  ${plan.readOnly.map(subpath).join('\n  ')})`);
  const hidden = [...plan.hiddenDirs.map(subpath), ...plan.hiddenFiles.map(literal)];
  if (hidden.length) lines.push(`(deny file-read* file-write*\n  ${hidden.join('\n  ')})`);
  const allowed = plan.allowed.map(subpath);
  if (allowed.length) lines.push(`(allow file-read* file-write*\n  ${allowed.join('\n  ')})`);
  return lines.join('\n') + '\n';
}

/** The sandbox-exec command line for a plan. */
export function sandboxExecArgs(plan: SandboxPlan, command: string[]): string[] {
  return ['-p', sbplProfile(plan), ...command];
}
