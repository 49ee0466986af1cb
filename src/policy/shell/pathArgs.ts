// Checks the words a command touches as files against the path policy. A word may hide a path inside it
// (`--env-file=.env`, `@.env`, `-v ~/.ssh:/k`, `HEAD:.env`), may be a glob (`.en*`), or may be relative to a
// directory the command line changed to; all of those are resolved before matching.
import { isBuildConfig } from '../paths/buildConfig';
import { posix } from 'node:path';
import { editTarget } from './fileEdits';
import type { Access, PathMatch } from '../paths/pathPolicy';
import { expandBraces } from '../paths/braces';
import { hasGlobChars, unescapeGlob } from '../paths/globIntersect';
import { expandHome, isAbsolutePath, isInside } from '../paths/resolve';
import type { RuleId } from '../reasons';
import type { ShellAnalyzer } from './analyzer';
import { listingShowsNoSecret } from './listingTree';
import { outputOf } from './output';
import { childOrigin, type Frame, type Invocation, type Redirect, type Stdin } from './types';
import type { Word } from './words';

export interface PathCheckOptions {
  /** Skip words containing spaces (prose, not paths) when the command's argument meaning is unknown. */
  skipSpaces?: boolean;
  /**
   * The word is only possibly a path (an argument nobody explained): a bare name that is also an English word
   * (`credentials`, `secrets`) or a folder merely named like a secret store is not taken for a secret read.
   */
  sweep?: boolean;
  /** Only tests whether the path exists (`test -f`): even a secret directory is not listed. */
  probe?: boolean;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const HARMLESS_DEVICES = /^\/dev\/(null|zero|u?random|stdout|stderr|stdin|tty|fd\/\d+|ptmx|pts\/\d+)$/;
const BLOCK_DEVICES = /^\/dev\/(sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\d|mmcblk\d|disk\d|rdisk\d|mapper\/|md\d|dm-\d|loop\d)/;

/** The path-like pieces inside one word's glob pattern. */
export function pathPieces(pattern: string): string[] {
  if (pattern === '' || pattern === '-' || pattern === '--') return [];
  if (URL_LIKE.test(pattern)) return pattern.toLowerCase().startsWith('file://') ? [pattern.slice(7)] : [];
  const out = new Set<string>();
  let p = pattern;
  if (p.startsWith('-')) {
    const eq = p.indexOf('=');
    // `-s.env`, `-xzf~/.ssh/id_rsa`: a short option with its value attached (or a cluster of flags, then it).
    if (eq < 0 && /^-[A-Za-z0-9]/.test(p) && p.length > 2) return shortOptionValues(p);
    if (eq < 0) return [];
    p = p.slice(eq + 1);
  }
  if (p.startsWith('@')) p = p.slice(1);
  out.add(p);
  const at = p.indexOf('=@');
  if (at >= 0) out.add(p.slice(at + 2));
  const assign = /^[A-Za-z_][A-Za-z0-9_]*=(.*)$/.exec(p);
  if (assign) out.add(assign[1]!);
  // `type=bind,src=~/.ssh,dst=/k`, `id=npm,src=.npmrc`: a list of key=value settings.
  if (/=/.test(p) && /\\?,/.test(p)) for (const kv of p.split(/\\?,/)) {
    const m = /^[A-Za-z_][\w.-]*=(.+)$/.exec(kv);
    if (m) out.add(m[1]!);
  }
  if (p.includes(':') && !URL_LIKE.test(p)) for (const piece of p.split(':')) if (piece) out.add(piece.replace(/^@/, ''));
  return [...out].filter((x) => x !== '' && x !== '.' && !URL_LIKE.test(x));
}

/** The possible values of `-oVALUE`: after the one option letter, and after a run of flag letters. */
function shortOptionValues(p: string): string[] {
  const out = [p.slice(2)];
  const letters = /^-[A-Za-z0-9]+/.exec(p)![0].length;
  if (letters > 2 && letters < p.length) out.push(p.slice(letters));
  return out.filter((x) => x !== '' && x !== '.' && !URL_LIKE.test(x)).flatMap((x) => pathPieces(x));
}

/** Absolute glob/path for a piece, seen from the analyzer's working directory (`**`-led when it is unknown). */
export function absolutePiece(a: ShellAnalyzer, piece: string): string {
  let p = piece.length > 1 ? piece.replace(/\/+$/, '') : piece;
  // `C:\Users\dev\.ssh\id_rsa` (Git Bash on Windows): the pattern escapes each backslash; they are separators.
  if (/^[A-Za-z]:\\\\/.test(p)) p = p.replace(/\\\\/g, '/');
  if (p.startsWith('~')) p = expandHome(p, a.home);
  if (isAbsolutePath(p)) return posix.normalize(p.replace(/^([A-Za-z]):\\/, '$1:/'));
  if (a.cwd) return posix.normalize(`${a.cwd.replace(/\\/g, '/')}/${p}`);
  // Unknown directory: `**/` stands for wherever it is, so leading `../` steps add nothing (and would hide the name).
  const rel = posix.normalize(p).replace(/^(\.\.\/)+/, '');
  return rel === '..' ? '**' : `**/${rel}`;
}

function ruleFor(match: PathMatch, access: Access, glob: boolean): RuleId {
  if (access === 'meta') return 'path.secret-listing';
  switch (match.category) {
    case 'secret':
      return glob ? 'path.secret-glob' : 'path.secret';
    case 'self':
      return 'path.self';
    case 'protected':
      return 'path.protected';
    case 'system':
      return 'path.system';
  }
}

function verb(access: Access): string {
  return access === 'write' ? 'Writes' : access === 'meta' ? 'Lists' : 'Reads';
}

/**
 * Directories that hold secrets below them on any developer machine: the home directory and everything above it,
 * the per-user config and data roots (gh, gcloud, keyrings, editor stores) and /etc. Reading one whole
 * (`grep -r x ~`, `tar czf h.tgz ~`, `cp -r ~/.config /tmp`, `find ~ -type f | xargs cat`) reads those secrets too.
 */
function secretTree(abs: string, home: string): string | undefined {
  const h = home.replace(/\/+$/, '') || '/';
  const p = abs.replace(/\/+$/, '') || '/';
  if (p === h) return 'your home directory';
  if (isInside(h, p)) return `${p}, which contains your home directory`;
  const rel = isInside(p, h) ? p.slice(h.length + 1).toLowerCase() : undefined;
  if (rel !== undefined && /^(\.config|\.local|\.local\/share|\.local\/state|library|library\/application support|library\/preferences|\.var|\.var\/app|appdata|appdata\/roaming|appdata\/local)$/.test(rel)) return `${p}, which holds credential and token stores`;
  if (/^\/(etc|root|proc|run|var\/run|var\/lib|home|users|private\/etc)$/i.test(p)) return `${p}, which holds system or user credentials`;
  if (/^\/(home|Users)\/[^/]+$/i.test(p)) return `${p}, a home directory`;
  return undefined;
}

/** A literal directory (or a `DIR/**` glob) that is a secret tree, read as a whole. */
function treeHit(a: ShellAnalyzer, abs: string, glob: boolean, w: Word, frame: Frame): boolean {
  let dir = abs;
  if (glob) {
    // Only a recursive glob from a literal directory (`~/**`, `~/**/*`): `~/*.txt` names files, not the tree.
    const m = /^((?:[^*?[\]{}\\]|\\.)*?)\/\*\*(?:\/\*)?$/.exec(abs);
    if (!m) return false;
    dir = unescapeGlob(m[1] || '/');
  }
  const what = secretTree(dir, a.home);
  if (!what) return false;
  a.hitAt('path.secret-tree', `Reads everything under ${what} (${w.raw}), including the keys and tokens kept there.`, frame, w.start, w.end);
  return true;
}

/** A directory rule for a folder a project may name that way (`secrets/` at any depth), not a dot-directory store. */
const NAMED_FOLDER_RULE = /^\*\*\/([^/.*{][^/*{]*)\/\*\*$/;
/** Source code, docs and package patterns: what a folder of code holds, whatever the folder is called. */
const CODE_FILE = /\.(m?[jt]sx?|c[jt]s|py|pyi|go|rs|rb|java|kt|kts|scala|cs|fs|php|swift|c|h|cc|cpp|hpp|m|mm|ex|exs|erl|clj|dart|lua|r|jl|vue|svelte|md|rst|html|css|scss|snap)$|^\.\.\.$/i;

/**
 * How much a match says about the word. `skip`: source code in a folder merely called `secrets/` is code, and for a
 * swept word (one nobody explained) a bare English word (`credentials`, `secrets`) or that folder itself is a name,
 * not a file being read. `review`: a handler creates or changes such a folder itself (`mkdir src/secrets`).
 */
function strengthOf(a: ShellAnalyzer, piece: string, match: PathMatch, access: Access, sweep: boolean): 'skip' | 'review' | 'sure' {
  const last = piece.replace(/\/+$/, '').replace(/^.*\//, '');
  const folder = match.category === 'secret' ? NAMED_FOLDER_RULE.exec(match.glob) : null;
  const isFolder = folder !== null && last.toLowerCase() === folder[1]!.toLowerCase();
  if (folder && CODE_FILE.test(last)) return 'skip';
  if (sweep && isFolder) return 'skip';
  if (isFolder && access === 'write') return 'review';
  // A bare name is only a secret by where it is: inside a secret directory (`cd ~/.aws && x credentials`).
  if (sweep && /^[A-Za-z0-9_-]+$/.test(piece) && !/^id_(rsa|dsa|ecdsa|ed25519)/i.test(piece) && !(a.cwd && a.policy.match(`${a.cwd.replace(/\/+$/, '')}/_`, 'read'))) return 'skip';
  return 'sure';
}

/** Checks one word as a file the command accesses. Returns true when it is sensitive. */
export function checkPathWord(a: ShellAnalyzer, inv: Invocation | undefined, w: Word, access: Access, opts: PathCheckOptions = {}, f?: Frame): boolean {
  const frame = f ?? inv?.frame;
  if (!frame || a.outOfTime(frame)) return false;
  if (opts.skipSpaces && /\s/.test(w.value ?? w.raw)) return false;
  if (inv) a.understand(inv, w);
  if (w.decoded) {
    // `cat $(base64 -d <<< LmVudg==)`: a file name spelled by decoding is hidden on purpose.
    a.hitAt('opaque.dynamic-command', `The path \`${w.raw}\` is decoded or downloaded at run time, so which file it names cannot be known.`, frame, w.start, w.end);
    return true;
  }
  const credential = w.value === undefined ? w.credentialPaths?.[0] : undefined;
  if (credential && access !== 'meta') {
    // `cat "$KUBECONFIG"`, `cp $SSL_KEY_FILE /tmp`: the variable exists to name a credential file.
    a.hitAt('path.secret', `${verb(access)} the file named by $${credential.name}, which holds the path of a credential file.`, frame, w.start, w.end);
    return true;
  }
  // `.` names no file of its own, but read as a whole it is the working directory (`cd ~ && grep -r token .`).
  if (access === 'read' && /^\.\/?$/.test(w.pattern) && a.cwd && treeHit(a, a.cwd, false, w, frame)) return true;
  for (const piece of pathPieces(w.pattern).flatMap((p) => expandBraces(p))) {
    const abs = absolutePiece(a, piece);
    const glob = hasGlobChars(abs);
    const literal = glob ? undefined : unescapeGlob(abs);
    if (literal !== undefined && /^\/dev\/(tcp|udp)\//.test(literal)) {
      a.hitAt('opaque.remote-code', `Connects the shell to the network through ${literal} (a reverse shell or exfiltration).`, frame, w.start, w.end);
      return true;
    }
    if (literal !== undefined && /^\/dev\//.test(literal)) {
      if (access === 'write' && BLOCK_DEVICES.test(literal)) {
        a.hitAt('destroy.disk', `Writes straight onto the disk device ${literal}.`, frame, w.start, w.end);
        return true;
      }
      if (HARMLESS_DEVICES.test(literal)) continue;
    }
    if (access === 'read' && treeHit(a, glob ? abs : literal!, glob, w, frame)) return true;
    if (access === 'meta' && glob && listingShowsNoSecret(a, abs)) continue;
    const match = glob ? a.policy.matchGlob(abs, access, w.hidesDot, w.dotglob) : a.policy.match(literal!, access);
    if (match) {
      const strength = strengthOf(a, piece, match, access, opts.sweep === true);
      if (strength === 'skip') continue;
      const rule = ruleFor(match, access, glob);
      const what = glob ? `${w.raw}, which can expand to ${match.label}` : `${w.raw}: ${match.label}`;
      // Listing a whole secret directory (ls ~/.ssh) maps the keys and tokens in it: more than a look. A project
      // folder that is merely called `secrets/` holds code and fixtures as often as secrets: a look.
      const store = match.secretDirectory && !glob && !opts.probe && !NAMED_FOLDER_RULE.test(match.glob);
      const risk = rule === 'path.secret-listing' && store ? 'sensitive' : strength === 'review' ? 'review' : undefined;
      const message = strength === 'review' ? `${verb(access)} ${what} (matches ${match.glob}); the folder itself, not a secret in it.` : `${verb(access)} ${what} (matches ${match.glob}).`;
      a.hitAt(rule, message, frame, w.start, w.end, risk);
      return risk === undefined ? rule !== 'path.secret-listing' : risk === 'sensitive';
    }
    if (access === 'write' && literal !== undefined && !a.policy.inWorkspace(literal, a.startCwd) && !a.policy.isTemp(literal) && !literal.startsWith('**')) {
      a.hitAt('fs.write-outside', `Writes ${w.raw}, outside the workspace.`, frame, w.start, w.end);
    } else if (access === 'write' && literal !== undefined && isBuildConfig(literal)) {
      // The same effect as a file tool's edit of it: code that runs in builds, CI or deployments.
      a.hitAt('config.edit', `Changes ${w.raw}, build, CI or deployment config that decides what runs elsewhere.`, frame, w.start, w.end);
    }
  }
  return false;
}

export function checkPathWords(a: ShellAnalyzer, inv: Invocation, list: readonly Word[], access: Access, opts: PathCheckOptions = {}): void {
  for (const w of list) checkPathWord(a, inv, w, access, opts);
}

/** Records a file the command line writes, with its text when known, so running it later can be analyzed. */
export function recordWrite(a: ShellAnalyzer, w: Word, content: Stdin | undefined): void {
  if (w.value === undefined) return;
  const abs = a.fileKey(w.value);
  if (content?.kind === 'text') {
    const origin = childOrigin(content.frame.origin, content.start, content.start + content.text.length, content.linear);
    a.written.set(abs, { text: content.text, remote: false, origin });
  } else a.written.set(abs, { text: undefined, remote: content?.kind === 'remote', origin: undefined });
}

/** Checks a redirect; returns the stdin it provides (`< file`) when it is an input redirect. */
export function checkRedirect(a: ShellAnalyzer, red: Redirect, f: Frame, inv: Invocation | undefined, recordEdit = true): Stdin | undefined {
  const t = red.target;
  if (!t) return undefined;
  const value = t.value ?? '';
  if (red.op.includes('&') && /^(\d+|-)$/.test(value)) return undefined; // 2>&1, >&-: descriptors, not files
  const input = red.op.startsWith('<');
  if (input) {
    checkPathWord(a, inv, t, 'read', {}, f);
    if (red.op === '<>') checkPathWord(a, inv, t, 'write', {}, f);
    const written = t.value !== undefined ? a.written.get(a.fileKey(t.value)) : undefined;
    if (written?.text !== undefined) return { kind: 'text', text: written.text, frame: f, start: t.start, linear: false };
    if (written?.remote) return { kind: 'remote', what: t.raw };
    return { kind: 'unknown' };
  }
  checkPathWord(a, inv, t, 'write', {}, f);
  const toStdout = !(red.fd && red.fd !== '1');
  const out = toStdout && inv ? outputOf(inv, a) : undefined;
  if (toStdout) recordWrite(a, t, out);
  if (recordEdit) recordRedirectEdit(a, red, inv, out);
  return undefined;
}

const DISCARD = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/tty']);
/** Programs that print nothing on stderr in ordinary use (their `2>` file ends up empty). */
const QUIET = new Set(['echo', 'printf', 'true', ':']);

/**
 * A redirection's edit of its file, in order, for the exact preview (fileEdits.ts). No invocation: a bare `> f`
 * (empties the file), or, with `unknownOutput`, a group's redirect whose output is not one command's.
 */
export function recordRedirectEdit(a: ShellAnalyzer, red: Redirect, inv: Invocation | undefined, out: Stdin | undefined, unknownOutput = false): void {
  const t = red.target;
  if (!t || !/^(>|>>|>\||&>|&>>|>&)$/.test(red.op) || (t.value !== undefined && DISCARD.has(t.value))) return;
  if (red.op === '>&' && /^(\d+|-)$/.test(t.value ?? '')) return;
  const target = editTarget(t, (p) => a.fileKey(p));
  if (!target) return;
  const op = red.op.includes('>>') ? 'append' : 'write';
  const producer = inv ? inv.name || 'a command' : unknownOutput ? 'the commands before the redirection' : 'nothing';
  let text: string | undefined;
  if (!inv) text = unknownOutput ? undefined : '';
  else if (out?.kind === 'text' && (!red.op.startsWith('&') || QUIET.has(inv.name))) text = out.text;
  else if (red.fd === '2' && QUIET.has(inv.name)) text = '';
  a.fileEdits.push({ op, path: target.path, text, producer, glob: target.glob });
}
