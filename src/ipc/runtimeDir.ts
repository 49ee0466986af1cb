// Where Countersign keeps its per-user state, derived from the account (uid, the passwd entry), never from the
// environment: an agent's environment is set by whatever started it (a repository's Claude Code `env`, Gemini
// CLI's project `.env`, direnv), and it must not be able to point the hook at an empty gate registry or a forged
// settings snapshot.
// The runtime directory holds gate sockets and the registry of live gates. Anything not owned by us,
// group/world-accessible, or a symlink is refused: a planted socket must never count as a gate.
import { lstatSync, mkdirSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

/** The account's home from the passwd entry (os.userInfo), not $HOME; $HOME only when the account has no entry. */
export function accountHome(): string {
  try {
    const home = userInfo().homedir;
    if (home) return home;
  } catch {
    // an arbitrary container uid without a passwd entry
  }
  return homedir();
}

/**
 * The homes `~` may mean: the account's, and $HOME when it differs. The policy is judged against each, and the
 * riskiest verdict counts, so a changed $HOME can only tighten.
 */
export function policyHomes(): string[] {
  return [...new Set([accountHome(), homedir()].filter((h) => h !== ''))];
}

function privateDirOk(dir: string): boolean {
  try {
    assertPrivateDir(dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * The user's runtime directory: /run/user/<uid>/countersign when the system provides a private /run/user/<uid>,
 * else /tmp/countersign-<uid> (not os.tmpdir(): it reads $TMPDIR). Kept short: socket paths are limited to ~104 bytes.
 */
export function runtimeDir(): string {
  if (process.platform === 'win32') return join(accountHome(), 'AppData', 'Local', 'Countersign', 'run');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const systemd = `/run/user/${uid}`;
  if (process.platform === 'linux' && privateDirOk(systemd)) return join(systemd, 'countersign');
  return `/tmp/countersign-${uid}`;
}

/**
 * An extra registry a test or a second set-up names (COUNTERSIGN_RUNTIME_DIR). It only adds places where a gate may
 * be found: the user's runtime directory is always searched too, so it can never hide the live gate, and a gate
 * found there still has to be live, user-only and prove its token.
 */
export function extraRuntimeDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env.COUNTERSIGN_RUNTIME_DIR;
  return dir && resolve(dir) !== resolve(runtimeDir()) ? resolve(dir) : undefined;
}

/** Every registry the hook CLI searches: the user's runtime directory first. */
export function gateSearchDirs(): string[] {
  const extra = extraRuntimeDir();
  return extra ? [runtimeDir(), extra] : [runtimeDir()];
}

/**
 * Where a gate puts its socket and record: the extra registry when one is named (tests keep their gates apart),
 * else the user's runtime directory. A gate always registers in the user's runtime directory as well
 * (`registryDirsFor`), so no hook is ever sent to "no gate" by a variable.
 */
export function gateRuntimeDir(): string {
  return extraRuntimeDir() ?? runtimeDir();
}

/** The registries a gate whose socket lives in `dir` writes its record to. */
export function registryDirsFor(dir: string): string[] {
  return resolve(dir) === resolve(runtimeDir()) ? [dir] : [dir, runtimeDir()];
}

/**
 * Where Countersign's lasting per-user files live (the settings snapshot the extension saves, the offline audit
 * log): under the account's home, at a place no environment variable chooses.
 */
export function stateDir(): string {
  const home = accountHome();
  if (process.platform === 'win32') return join(home, 'AppData', 'Local', 'Countersign');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Countersign');
  return join(home, '.local', 'state', 'countersign');
}

export class UnsafeDirectoryError extends Error {}

/** Throws UnsafeDirectoryError unless `dir` is a real directory owned by this user with no group/other access. */
export function assertPrivateDir(dir: string): void {
  const st = lstatSync(dir);
  if (st.isSymbolicLink() || !st.isDirectory()) throw new UnsafeDirectoryError(`${dir} is not a plain directory`);
  if (process.platform === 'win32') return; // ACLs, not modes, guard it there; the named pipe carries the token check.
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
    throw new UnsafeDirectoryError(`${dir} is owned by another user (uid ${st.uid})`);
  }
  if ((st.mode & 0o077) !== 0) throw new UnsafeDirectoryError(`${dir} is accessible to other users (mode ${(st.mode & 0o777).toString(8)})`);
}

/** Creates the directory 0700 if missing, then checks it. */
export function ensurePrivateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  assertPrivateDir(dir);
  return dir;
}
