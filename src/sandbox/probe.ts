// Can this machine sandbox? bubblewrap on Linux, sandbox-exec on macOS, nothing on Windows. bwrap is looked for
// at fixed system paths, never through $PATH: the agent's environment must not choose the program that is
// supposed to confine it.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { BWRAP_BASE } from './bwrap';
import type { SandboxProbe } from './types';

export const BWRAP_PATHS = ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'];
export const SANDBOX_EXEC = '/usr/bin/sandbox-exec';
export const INSTALL_HINT = 'install bubblewrap: sudo apt-get install bubblewrap (Debian/Ubuntu), sudo dnf install bubblewrap (Fedora), sudo pacman -S bubblewrap (Arch)';

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findBwrap(candidates: string[] = BWRAP_PATHS): string | undefined {
  return candidates.find(executable);
}

/** Plain words for why bwrap could not start a sandbox (its own message kept). */
export function cannotRunReason(stderr: string): string {
  const msg = stderr.trim().split('\n').filter(Boolean).slice(-1)[0] ?? 'bwrap exited without a message';
  if (/user namespace|uid map|setting up uid|Operation not permitted|No permissions to create/i.test(msg)) {
    return `bubblewrap is installed but cannot create a sandbox here (${msg}): unprivileged user namespaces are probably disabled (sysctl kernel.unprivileged_userns_clone=1, or kernel.apparmor_restrict_unprivileged_userns=0 on Ubuntu 24.04+), or this container forbids them`;
  }
  return `bubblewrap is installed but cannot create a sandbox here: ${msg}`;
}

let cached: SandboxProbe | undefined;

/** Tries a real (empty) sandbox once per process: installed is not the same as usable. */
export function probeSandbox(platform: NodeJS.Platform = process.platform, fresh = false): SandboxProbe {
  if (cached && !fresh && platform === process.platform) return cached;
  const result = probeUncached(platform);
  if (platform === process.platform) cached = result;
  return result;
}

function probeUncached(platform: NodeJS.Platform): SandboxProbe {
  if (platform === 'win32') return { state: 'unsupported', detail: 'Windows has no sandbox for commands: they run with your full rights (the review still applies)' };
  if (platform === 'darwin') {
    if (!executable(SANDBOX_EXEC)) return { state: 'missing', mechanism: 'sandbox-exec', detail: `${SANDBOX_EXEC} not found` };
    return { state: 'available', mechanism: 'sandbox-exec', path: SANDBOX_EXEC, detail: 'sandbox-exec (macOS Seatbelt profile; not exercised on macOS in CI)' };
  }
  if (platform !== 'linux') return { state: 'unsupported', detail: `no sandbox on ${platform}` };
  const path = findBwrap();
  if (!path) return { state: 'missing', mechanism: 'bubblewrap', detail: `bubblewrap (bwrap) is not installed: ${INSTALL_HINT}` };
  const r = spawnSync(path, [...BWRAP_BASE, '--', 'true'], { encoding: 'utf8', timeout: 10_000, env: { PATH: '/usr/bin:/bin' } });
  if (r.error) return { state: 'cannot-run', mechanism: 'bubblewrap', path, detail: cannotRunReason(r.error.message) };
  if (r.status !== 0) return { state: 'cannot-run', mechanism: 'bubblewrap', path, detail: cannotRunReason(r.stderr || `exit ${r.status ?? r.signal}`) };
  return { state: 'available', mechanism: 'bubblewrap', path, detail: `bubblewrap at ${path}` };
}
