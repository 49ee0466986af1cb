// GNU `patch`: judged by the files it changes, as an agent's own apply_patch is. The patch text is read where patch
// reads it (`-i FILE`, the second operand, or stdin: a heredoc, a file written earlier in the line, or `< FILE`
// read from the disk or the session), parsed as a unified diff (normalize/patchText.ts), and each file it changes is
// checked as a write (secret, guard, system and build/CI config paths, outside the workspace); files it deletes
// (`+++ /dev/null`) are judged by what they lose, as `rm` is. A patch that cannot be read or parsed, or options this
// handler does not know, stay a review: what would change cannot be told.
import { posix } from 'node:path';
import { parsePatch } from '../../normalize/patchText';
import { isBuildConfig } from '../../paths/buildConfig';
import { checkPathWord } from '../pathArgs';
import { deleteLoss, reportDelete } from '../deleteLoss';
import type { Invocation } from '../types';
import { syntheticWord, type Word } from '../words';
import type { ShellAnalyzer } from '../analyzer';
import type { HandlerTable } from './handler';

/**
 * Options that only change how hunks are matched, what is printed, or add backups next to the files: nothing else
 * is written. Not here, so a review: `-e`/`--ed` (an ed script, which can run shell commands), `-c`/`-n` (other
 * diff formats than the one read here), `-E` (deletes files a patch empties), backup prefixes and suffixes.
 */
const QUIET_FLAGS = /^(?:-[NftsulRZTb]+|--(?:forward|force|batch|silent|quiet|unified|ignore-whitespace|reverse|set-utc|set-time|posix|verbose|dry-run|binary|backup|no-backup-if-mismatch|backup-if-mismatch|merge|follow-symlinks|read-only=(?:ignore|warn|fail)|quoting-style=\w+|reject-format=\w+))$/;
/** Options with a value this handler reads. */
const VALUE_OPTIONS = new Set(['-p', '--strip', '-i', '--input', '-d', '--directory', '-o', '--output', '-r', '--reject-file', '-F', '--fuzz', '-D', '--ifdef']);

interface PatchArgs {
  strip: number | undefined;
  input: Word | undefined;
  dir: string | undefined;
  outputs: Word[];
  operands: Word[];
  dryRun: boolean;
  ok: boolean;
}

function readArgs(a: ShellAnalyzer, inv: Invocation): PatchArgs {
  const r: PatchArgs = { strip: undefined, input: undefined, dir: undefined, outputs: [], operands: [], dryRun: false, ok: true };
  const take = (opt: string, value: Word | undefined, raw: string | undefined) => {
    const v = raw ?? value?.value;
    if (v === undefined) {
      r.ok = false;
      return;
    }
    if (opt === '-p' || opt === '--strip') {
      if (!/^\d{1,3}$/.test(v)) r.ok = false;
      else r.strip = Number(v);
    } else if (opt === '-i' || opt === '--input') r.input = value && raw === undefined ? value : undefined;
    else if (opt === '-d' || opt === '--directory') r.dir = v;
    else if (opt === '-o' || opt === '--output' || opt === '-r' || opt === '--reject-file') {
      if (value && raw === undefined) r.outputs.push(value);
      else r.ok = false;
    }
    if (value) a.understand(inv, value);
  };
  for (let i = 0; i < inv.args.length; i++) {
    const w = inv.args[i]!;
    const t = w.value;
    if (t === undefined) {
      r.ok = false;
      continue;
    }
    if (t === '--') {
      r.operands.push(...inv.args.slice(i + 1));
      break;
    }
    if (!t.startsWith('-') || t === '-') {
      r.operands.push(w);
      continue;
    }
    if (t === '--dry-run') r.dryRun = true;
    if (QUIET_FLAGS.test(t)) {
      a.understand(inv, w);
      continue;
    }
    const eq = t.indexOf('=');
    if (t.startsWith('--') && eq > 0 && VALUE_OPTIONS.has(t.slice(0, eq))) {
      a.understand(inv, w);
      // `--input=FILE`: the value is part of this word; read it as its own word for the path checks.
      const opt = t.slice(0, eq);
      const value = syntheticWord(t.slice(eq + 1).replace(/[*?[\]{}\\,]/g, '\\$&'), false, { start: w.start, end: w.end }, w.node);
      if (opt === '-i' || opt === '--input' || opt === '-o' || opt === '--output' || opt === '-r' || opt === '--reject-file') take(opt, value, undefined);
      else take(opt, undefined, t.slice(eq + 1));
      continue;
    }
    if (VALUE_OPTIONS.has(t)) {
      a.understand(inv, w);
      take(t, inv.args[++i], undefined);
      continue;
    }
    const short = /^(-[pidorFD])(.+)$/.exec(t);
    if (short && VALUE_OPTIONS.has(short[1]!)) {
      a.understand(inv, w);
      const value = syntheticWord(short[2]!.replace(/[*?[\]{}\\,]/g, '\\$&'), false, { start: w.start, end: w.end }, w.node);
      if (/^-[ior]$/.test(short[1]!)) take(short[1]!, value, undefined);
      else take(short[1]!, undefined, short[2]);
      continue;
    }
    r.ok = false; // an option this handler does not know: what it writes cannot be told
  }
  return r;
}

/** The patch's text and where it came from, or why it cannot be read. */
function patchText(a: ShellAnalyzer, inv: Invocation, args: PatchArgs): { text: string } | { why: string } {
  const file = args.input ?? args.operands[1];
  const fromFile = (w: Word): { text: string } | { why: string } => {
    checkPathWord(a, inv, w, 'read');
    if (w.value === undefined) return { why: 'its name is computed at run time' };
    const same = a.written.get(a.fileKey(w.value));
    if (same?.text !== undefined) return { text: same.text };
    const abs = a.resolve(w.value);
    const found = abs ? a.scope.files?.textOf(abs) : undefined;
    return found && found !== 'unreadable' ? { text: found.text } : { why: `${w.raw} cannot be read` };
  };
  if (file && file.value !== '-') return fromFile(file);
  if (inv.stdin?.kind === 'text') return { text: inv.stdin.text };
  const redirect = [...inv.redirects].reverse().find((r) => r.op === '<' && (r.fd === undefined || r.fd === '0'));
  if (redirect?.target) return fromFile(redirect.target);
  return { why: 'its text is not in the command' };
}

/** The path patch would use for a header name with -pN (undefined when it strips more than the name has). */
function stripped(name: string, strip: number): string | undefined {
  if (strip === 0) return name;
  const parts = name.split('/').filter((p, i) => p !== '' || i === 0);
  if (parts.length <= strip) return undefined;
  return parts.slice(strip).join('/');
}

/** Every file name the patch's headers give (`---`, `+++`, `Index:`, `diff --git`, git renames and copies): GNU
 *  patch picks among them by which exist, so each one is a file it may write. */
function headerNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:(?:---|\+\+\+|\*\*\*) |Index: |(?:rename|copy) (?:from|to) )(.+?)\r?$/gm)) out.push(m[1]!.split('\t')[0]!.replace(/^"(.*)"$/, '$1').trim());
  for (const m of text.matchAll(/^diff --git (\S+) (\S+)\r?$/gm)) out.push(m[1]!, m[2]!);
  return out.filter((n) => n !== '' && n !== '/dev/null');
}

/** Every place patch may put the file: with -p, that one; without, any of them (GNU patch guesses). */
function candidates(names: readonly string[], strip: number | undefined): string[] {
  const out = names.flatMap((n) => (strip !== undefined ? [stripped(n, strip)] : [n, stripped(n, 1), posix.basename(n)]));
  return [...new Set(out.filter((n): n is string => n !== undefined && n !== '' && n !== '/dev/null'))];
}

const patch = (inv: Invocation, a: ShellAnalyzer): void => {
  const args = readArgs(a, inv);
  if (!args.ok) {
    a.hitOn('fs.edit-inexact', 'Applies a patch with options Countersign does not read, so which files change cannot be told.', inv);
    return;
  }
  for (const o of args.outputs) checkPathWord(a, inv, o, 'write');
  const got = patchText(a, inv, args);
  if ('why' in got) {
    a.hitOn('fs.edit-inexact', `Applies a patch whose text Countersign cannot read (${got.why}), so which files change cannot be told.`, inv);
    return;
  }
  const parsed = parsePatch(got.text);
  if (parsed.format !== 'unified' || parsed.files.length === 0) {
    a.hitOn('fs.edit-inexact', 'Applies a patch that is not a unified diff Countersign can read, so which files change cannot be told.', inv);
    return;
  }
  // The original file named as the first operand replaces the names in the patch.
  const named = args.operands[0];
  const at = { start: inv.nameWord.start, end: inv.nameWord.end };
  const base = args.dir;
  const word = (p: string): Word => syntheticWord((base && !p.startsWith('/') ? posix.join(base, p) : p).replace(/[*?[\]{}\\,]/g, '\\$&'), false, at, inv.nameWord.node);
  if (base !== undefined && base.startsWith('~')) {
    a.hitOn('fs.edit-inexact', 'Applies a patch in a folder named from the home directory.', inv);
    return;
  }
  const targets = named ? [named] : candidates(headerNames(got.text), args.strip).map(word);
  if (targets.length === 0) {
    a.hitOn('fs.edit-inexact', 'Applies a patch whose file names patch cannot place with the -p given.', inv);
    return;
  }
  if (named) a.understand(inv, named);
  let flagged = false;
  for (const t of targets) flagged = checkPathWord(a, inv, t, args.dryRun ? 'read' : 'write') || flagged;
  if (args.dryRun || flagged) return;
  // Build, CI and deployment config is reviewed with its diff, as an apply_patch of it is.
  const config = targets.find((t) => {
    const abs = t.value !== undefined ? a.resolve(t.value) : undefined;
    return abs !== undefined && a.policy.inWorkspace(abs, a.startCwd) && isBuildConfig(abs);
  });
  if (config) a.hitOn('config.edit', `Patches ${config.raw}, build, CI or deployment config that decides what runs elsewhere: check the diff.`, inv);
  // `+++ /dev/null`: the file is deleted (its old name, as the header spells it, before -p strips it).
  for (const m of got.text.matchAll(/^--- (.+?)\r?\n\+\+\+ \/dev\/null/gm)) {
    const old = m[1]!.split('\t')[0]!.replace(/^"(.*)"$/, '$1').trim();
    const gone = named ? [named] : candidates([old], args.strip).map(word);
    reportDelete(a, inv, deleteLoss(a, gone, 'files'), `Deletes ${old} (a patch removing the file)`);
  }
};

export const PATCH_COMMANDS: HandlerTable = { patch };
