import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSed, parseSedArgs, posixToJs, runSed } from '../../../src/extension/preview/sedScript';

function sed(script: string, text: string, extended = false, quiet = false): string {
  const p = compileSed(script, extended);
  assert.ok(p.ok, p.ok ? '' : p.why);
  return runSed([p.value], text, quiet);
}

test('arguments: -i forms, -e scripts, -E, files', () => {
  const a = parseSedArgs(['-i', 's/a/b/', 'x.txt', 'y.txt']);
  assert.ok(a.ok);
  assert.deepEqual(a.value, { inPlace: true, scripts: ['s/a/b/'], extended: false, quiet: false, files: ['x.txt', 'y.txt'] });
  const b = parseSedArgs(['-i.bak', '-E', '-e', 's/(a)/\\1/', '--expression=s/c/d/', 'f']);
  assert.ok(b.ok && b.value.suffix === '.bak' && b.value.extended && b.value.scripts.length === 2 && b.value.files[0] === 'f');
  const bsd = parseSedArgs(['-i', '', 's/a/b/', 'f']);
  assert.ok(bsd.ok && bsd.value.inPlace && bsd.value.files.length === 1);
  const combined = parseSedArgs(['-Ei', 's/a+/b/', 'f']);
  assert.ok(combined.ok && combined.value.extended && combined.value.inPlace);
  assert.equal(parseSedArgs(['-f', 'script.sed', 'f']).ok, false);
});

test('s command: first, global, nth, case-insensitive, & and groups', () => {
  assert.equal(sed('s/foo/bar/', 'foo foo\nfoo\n'), 'bar foo\nbar\n');
  assert.equal(sed('s/foo/bar/g', 'foo foo\n'), 'bar bar\n');
  assert.equal(sed('s/foo/bar/2', 'foo foo foo\n'), 'foo bar foo\n');
  assert.equal(sed('s/FOO/[&]/gI', 'foo Foo\n'), '[foo] [Foo]\n');
  assert.equal(sed('s/\\(key\\)=\\(.*\\)/\\2=\\1/', 'key=value\n'), 'value=key\n');
  assert.equal(sed('s/(key)=(.*)/\\2=\\1/', 'key=value\n', true), 'value=key\n');
  assert.equal(sed('s|/usr/local|/opt|', 'PATH=/usr/local/bin\n'), 'PATH=/opt/bin\n');
});

test('BRE literals: + ? ( ) { } | are plain characters unless escaped', () => {
  assert.equal(sed('s/a+b/X/', 'a+b aab\n'), 'X aab\n');
  assert.equal(sed('s/a\\+b/X/', 'aab\n'), 'X\n');
  assert.equal(sed('s/x\\{2\\}/Y/', 'xxx\n'), 'Yx\n');
  assert.equal(sed('s/(x)/Y/', '(x)\n'), 'Y\n');
});

test('bracket expressions and POSIX classes', () => {
  assert.equal(sed('s/[[:digit:]]\\+/N/g', 'a1b22c\n'), 'aNbNc\n');
  assert.equal(sed('s/[^a-z]//g', 'a-b_c\n'), 'abc\n');
  assert.equal(sed('s/[[:space:]]*$//', 'trail   \n'), 'trail\n');
});

test('addresses: line, $, /re/, ranges, negation; d, p, y, q, a/i/c', () => {
  assert.equal(sed('2d', 'a\nb\nc\n'), 'a\nc\n');
  assert.equal(sed('$d', 'a\nb\n'), 'a\n');
  assert.equal(sed('/^#/d', '# c\ncode\n'), 'code\n');
  assert.equal(sed('2,3d', '1\n2\n3\n4\n'), '1\n4\n');
  assert.equal(sed('/start/,/end/d', 'a\nstart\nx\nend\nb\n'), 'a\nb\n');
  assert.equal(sed('/keep/!d', 'keep 1\ndrop\nkeep 2\n'), 'keep 1\nkeep 2\n');
  assert.equal(sed('/x/p', 'x\ny\n'), 'x\nx\ny\n');
  assert.equal(sed('y/abc/xyz/', 'aabbcc\n'), 'xxyyzz\n');
  assert.equal(sed('2q', '1\n2\n3\n'), '1\n2\n');
  assert.equal(sed('/^b/a after b', 'a\nb\nc\n'), 'a\nb\nafter b\nc\n');
  assert.equal(sed('1i\\first', 'a\n'), 'first\na\n');
  assert.equal(sed('/old/c new', 'x\nold\n'), 'x\nnew\n');
  assert.equal(sed('s/a/b/;s/b/c/', 'a\n'), 'c\n');
  assert.equal(sed('s/x/y/\ns/y/z/', 'x\n'), 'z\n');
});

test('keeps a missing final newline', () => {
  assert.equal(sed('s/a/b/', 'a\na'), 'b\nb');
  assert.equal(sed('s/a/b/', ''), '');
});

test('refuses what it cannot preview', () => {
  for (const script of ['s/a/\\U&/', 'N;P;D', 'h;G', 'b end', 's/a/b/w out.txt', '//d', 's/a/b']) {
    assert.equal(compileSed(script, false).ok, false, script);
  }
  assert.equal(posixToJs('[[:nope:]]', false).ok, false);
  assert.equal(posixToJs('[abc', false).ok, false);
});
