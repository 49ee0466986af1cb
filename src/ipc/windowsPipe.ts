// Windows: a gate listens on a named pipe instead of a socket file. The name is per user (a hash of the account
// from the process token, never the environment) plus the gate's random id. The name is not the security: the pipe
// is created first-instance-only (libuv), so a pipe squatted under the name makes the gate fail to start rather than
// share it, other users get read-only access under the default pipe DACL (the request needs write), and both ends
// prove the token before anything counts. Only local pipes are accepted: a record naming \\host\pipe\… would send
// the request, and its MAC, across the network.
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import { accountHome } from './runtimeDir';

const LOCAL_PIPE = /^\\\\[.?]\\pipe\\[^\\/\0]{1,200}$/i;

/** Stable per-account tag: user name and profile folder as the process token reports them. */
export function accountTag(): string {
  let name = '';
  try {
    name = userInfo().username;
  } catch {
    // no account entry: the profile folder alone
  }
  return createHash('sha256').update(`${name}\0${accountHome()}`).digest('hex').slice(0, 16);
}

/** `\\.\pipe\countersign-<account tag>-<gate id>`. */
export function gatePipeName(id: string): string {
  return `\\\\.\\pipe\\countersign-${accountTag()}-${id}`;
}

/** A pipe on this machine (`\\.\pipe\name` or `\\?\pipe\name`), one name level, no remote host. */
export function isLocalPipe(path: string): boolean {
  return LOCAL_PIPE.test(path);
}

/** Pipe names compare case-insensitively on Windows. */
export function samePipe(a: string, b: string): boolean {
  return a.replace(/^\\\\\?\\/, '\\\\.\\').toLowerCase() === b.replace(/^\\\\\?\\/, '\\\\.\\').toLowerCase();
}
