// sed -i previews against the real GNU sed: many generated scripts and inputs, each run by /bin/sed -i on a scratch
// file and by the policy's interpreter. Where the interpreter accepts a script and calls its result exact, the
// two texts must be identical; where it calls it inexact (POSIX leftmost-longest choices), it must say so.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sedEdit, runSed } from '../../../src/policy/changes/sed';
import { Draws, prng as rng } from '../adversarial/fuzzGen';

const SED = '/bin/sed';
const haveSed = spawnSync(SED, ['--version'], { encoding: 'utf8' }).stdout?.includes('GNU sed') ?? false;
const dir = mkdtempSync(join(tmpdir(), 'sed-diff-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real sed -i on `text`; undefined when sed refuses the script. */
function realSed(args: string[], text: string): string | undefined {
  const file = join(dir, 'f.txt');
  writeFileSync(file, text);
  const r = spawnSync(SED, [...args, file], { encoding: 'utf8', env: { LC_ALL: 'C.UTF-8', PATH: '/usr/bin:/bin' } });
  if (r.status !== 0) return undefined;
  return readFileSync(file, 'utf8');
}

interface Outcome {
  exact: number;
  inexact: number;
  inexactDiffering: number;
  refused: number;
}

/** Compares one case; returns how the interpreter classified it. Throws on an exact preview that differs. */
function compare(args: string[], text: string, o: Outcome): void {
  const edit = sedEdit(args);
  const real = realSed(['-i', ...args], text);
  if (!edit.ok || !edit.value.program) {
    o.refused++;
    return;
  }
  const mine = runSed(edit.value.program, text);
  if (edit.value.program.inexact) {
    o.inexact++;
    if (mine !== real) o.inexactDiffering++;
    return;
  }
  o.exact++;
  assert.equal(mine, real === undefined ? '<sed refused the script>' : real, `sed -i ${args.map((a) => JSON.stringify(a)).join(' ')} on ${JSON.stringify(text)}`);
}

class Gen extends Draws {
  text(): string {
    const lines = Array.from({ length: this.int(6) }, () => Array.from({ length: this.int(7) }, () => this.pick(['a', 'b', 'a', 'c', ' ', 'A', '1', 'x', '.', '-', '/', 'ab'])).join(''));
    if (lines.length === 0) return this.chance(0.5) ? '' : '\n';
    return lines.join('\n') + (this.chance(0.8) ? '\n' : '');
  }

  /** An atom in either syntax. */
  atom(ere: boolean, depth: number): string {
    const k = this.int(14);
    if (k < 5) return this.pick(['a', 'b', 'c', 'x', 'A', '1', ' ']);
    if (k === 5) return '.';
    if (k === 6) return this.pick(['[ab]', '[^a]', '[a-c]', '[[:digit:]]', '[[:alpha:]]', '[[:space:]]', '[]a]', '[^]b]', '[.]', '[a-]']);
    if (k === 7) return this.pick(['\\.', '\\/', '\\w', '\\W', '\\s', '\\S']);
    if (k === 8 && depth < 2) return ere ? `(${this.seq(ere, depth + 1)})` : `\\(${this.seq(ere, depth + 1)}\\)`;
    if (k === 9 && depth < 2) return ere ? `(${this.seq(ere, depth + 1)}|${this.seq(ere, depth + 1)})` : `\\(${this.seq(ere, depth + 1)}\\|${this.seq(ere, depth + 1)}\\)`;
    if (k === 10) return ere ? this.pick(['\\+', '\\?', '\\(', '\\|']) : this.pick(['+', '?', '(', ')', '|', '{']);
    return this.pick(['a', 'b', 'ab', 'ba']);
  }

  quant(ere: boolean): string {
    const q = this.int(10);
    if (q < 5) return '';
    if (q < 7) return '*';
    if (q === 7) return ere ? '+' : '\\+';
    if (q === 8) return ere ? '?' : '\\?';
    return ere ? this.pick(['{2}', '{1,2}', '{0,}', '{,2}']) : this.pick(['\\{2\\}', '\\{1,2\\}', '\\{0,\\}']);
  }

  seq(ere: boolean, depth = 0): string {
    let out = '';
    const n = 1 + this.int(3);
    for (let i = 0; i < n; i++) out += this.atom(ere, depth) + this.quant(ere);
    return out;
  }

  regex(ere: boolean): string {
    let re = this.seq(ere);
    if (this.chance(0.15)) re = '^' + re;
    if (this.chance(0.15)) re += '$';
    if (this.chance(0.08)) re = this.pick(['\\<', '\\b']) + re;
    if (this.chance(0.08)) re += this.pick(['\\>', '\\b']);
    if (this.chance(0.1) && ere) re = `${re}|${this.seq(ere)}`;
    if (this.chance(0.05)) re = ere ? `(${re})\\1` : `\\(${re}\\)\\1`;
    return re;
  }

  replacement(): string {
    return Array.from({ length: this.int(4) }, () => this.pick(['X', '&', '\\&', '[&]', '\\1', '\\n', '-', '\\U&', '\\u&', '\\L&\\E!', '\\/', ''])).join('');
  }

  address(): string {
    const k = this.int(12);
    if (k < 4) return '';
    if (k === 4) return String(1 + this.int(4));
    if (k === 5) return '$';
    if (k === 6) return `/${this.seq(false).replace(/\//g, '\\/')}/`;
    if (k === 7) return `${1 + this.int(3)},${this.pick(['3', '$', '/b/', '+1', '~2', '1'])}`;
    if (k === 8) return `/a/,/${this.pick(['b', 'x', 'c'])}/`;
    if (k === 9) return `${this.int(3)}~${this.int(3)}`;
    if (k === 10) return '0,/a/';
    return `/${this.pick(['A', 'a'])}/I`;
  }

  command(ere: boolean, depth = 0): string {
    const addr = this.address();
    const neg = addr && this.chance(0.2) ? '!' : '';
    const k = this.int(16);
    let body: string;
    if (k < 7) {
      let re = this.regex(ere);
      if (!ere) re = re.replace(/\//g, '\\/');
      else re = re.replace(/\//g, '\\/');
      const flags = this.pick(['', '', 'g', '2', 'p', 'I', 'gI', '2g', 'gp']);
      body = `s/${re}/${this.replacement()}/${flags}`;
    } else if (k === 7) body = 'd';
    else if (k === 8) body = 'p';
    else if (k === 9) body = this.pick(['a appended', 'a\\  spaced\\tout', 'i inserted', 'c changed']);
    else if (k === 10) body = this.pick(['y/abc/xyz/', 'y/a\\/b/1|2/', 'y/ab/ba/']);
    else if (k === 11) body = this.pick(['q', 'Q', '=']);
    else if (k === 12 && depth === 0) body = `{${this.command(ere, 1)};${this.command(ere, 1)}}`;
    else body = `s/${this.pick(['a', 'x*', 'b\\?', '^', '$'])}/${this.replacement()}/${this.pick(['', 'g', '3'])}`;
    return `${addr}${neg}${body}`;
  }

  args(): string[] {
    const ere = this.chance(0.5);
    const cmds = Array.from({ length: 1 + this.int(3) }, () => this.command(ere));
    const out: string[] = [];
    if (ere) out.push('-E');
    if (this.chance(0.1)) out.push('-n');
    // a/i/c text runs to the end of its line: a command after it needs a new line (or another -e).
    if (this.chance(0.5)) for (const c of cmds) out.push('-e', c);
    else out.push(cmds.join('\n'));
    return out;
  }
}

test('the sed interpreter matches GNU sed on hand-picked scripts', { skip: !haveSed && 'GNU sed is not installed' }, () => {
  const o: Outcome = { exact: 0, inexact: 0, inexactDiffering: 0, refused: 0 };
  const cases: [string[], string][] = [
    [['s/foo/bar/'], 'foo foo\nfoo\n'],
    [['s/foo/bar/g'], 'foo foo\n'],
    [['s/foo/bar/2'], 'foo foo foo\n'],
    [['s/FOO/[&]/gI'], 'foo Foo\n'],
    [['s/\\(key\\)=\\(.*\\)/\\2=\\1/'], 'key=value\n'],
    [['-E', 's/(key)=(.*)/\\2=\\1/'], 'key=value\n'],
    [['s|/usr/local|/opt|'], 'PATH=/usr/local/bin\n'],
    [['s/a+b/X/'], 'a+b aab\n'],
    [['s/x\\{2\\}/Y/'], 'xxx\n'],
    [['s/[[:digit:]]\\+/N/g'], 'a1b22c\n'],
    [['s/[[:space:]]*$//'], 'trail   \n'],
    [['s/a*/x/g'], 'baaac\n'],
    [['s/b*/x/2'], 'abc\n'],
    [['2d'], 'a\nb\nc\n'],
    [['$d'], 'a\nb'],
    [['/start/,/end/d'], 'a\nstart\nx\nend\nb\nstart\nc\n'],
    [['/keep/!d'], 'keep 1\ndrop\nkeep 2\n'],
    [['2q'], '1\n2\n3\n'],
    [['a after'], 'x'],
    [['1i\\first'], 'a'],
    [['1,3c\\hello'], 'x\ny\n'],
    [['2,3c\\hello'], 'x\ny\nz\nw\n'],
    [['0,/a/s/a/X/'], 'a\na\n'],
    [['1~2d'], '1\n2\n3\n4\n5\n'],
    [['/b/,+1d'], 'a\nb\nc\nd\n'],
    [['s/\\<a/X/g'], 'a ba a_a\n'],
    [['s/a\\>/X/g'], 'a ba aa_\n'],
    [['s/\\w\\+/\\u&/g'], 'hello big world\n'],
    [['-n', '/x/p'], 'x\ny\nx'],
    [['/x/{s/x/y/;s/y/z/}'], 'x\nq\n'],
    [['s/x/a\\nb/;P'], 'x\n'],
    [['-E', 's/a|ab/X/'], 'ab\n'],
    [['=', '-n'], 'a\nb\n'],
    [['y/abc/xyz/'], 'aabbcc\n'],
    [['s/^*a/X/'], '*a\n'],
    [['-E', 's/a{2,}/X/'], 'aaaa\n'],
    [['s/.*/"&"/'], 'é€ x\n'],
  ];
  for (const [args, text] of cases) compare(args, text, o);
  assert.ok(o.exact >= 30, JSON.stringify(o));
});

test('GNU sed and the interpreter agree on 3000 generated scripts and inputs', { skip: !haveSed && 'GNU sed is not installed' }, () => {
  const seed = Number(process.env.SED_SEED ?? 20261203);
  const g = new Gen(rng(seed));
  const o: Outcome = { exact: 0, inexact: 0, inexactDiffering: 0, refused: 0 };
  const count = Number(process.env.SED_COUNT ?? 3000);
  for (let i = 0; i < count; i++) compare(g.args(), g.text(), o);
  // The generator must mostly produce scripts the interpreter runs exactly, or this test checks little.
  assert.ok(o.exact > count * 0.5, `too few exact cases: ${JSON.stringify(o)}`);
  console.log(`sed differential (seed ${seed}): ${JSON.stringify(o)}`);
});

test('an alternation GNU resolves by longest match is marked inexact, not previewed as exact', () => {
  const e = sedEdit(['-E', 's/a|ab/X/']);
  assert.ok(e.ok && e.value.program);
  assert.match(e.value.program.inexact ?? '', /longest match/);
  for (const script of ['s/\\(ab\\)*c/X/', 's/\\(a\\)\\1/X/', '-E s/(a|b)+/X/']) {
    const s = sedEdit(script.split(' '));
    assert.ok(s.ok && s.value.program?.inexact, script);
  }
});
