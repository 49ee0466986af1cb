import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeMode, formatMode, parseMode, S_IFDIR } from '../../../src/review/preview/fileMode';

const FILE = 0o100000;
const apply = (spec: string, mode: number, dir = false, umask = 0o022) => {
  const change = parseMode(spec);
  assert.ok(change, `${spec} parses`);
  return change(mode, dir, umask);
};

test('octal modes', () => {
  assert.equal(apply('777', FILE | 0o644), 0o777);
  assert.equal(apply('0600', FILE | 0o644), 0o600);
  assert.equal(apply('4755', FILE | 0o644), 0o4755);
  assert.equal(apply('7', FILE | 0o644), 0o007);
});

test('octal keeps a directory set-gid bit unless five digits clear it', () => {
  assert.equal(apply('755', S_IFDIR | 0o2775, true), 0o2755);
  assert.equal(apply('00755', S_IFDIR | 0o2775, true), 0o755);
});

test('symbolic modes', () => {
  assert.equal(apply('u+x', FILE | 0o644), 0o744);
  assert.equal(apply('go-w', FILE | 0o666), 0o644);
  assert.equal(apply('a=r', FILE | 0o777), 0o444);
  assert.equal(apply('u=rwx,g=rx,o=', FILE | 0o600), 0o750);
  assert.equal(apply('+x', FILE | 0o644), 0o755, 'no who: every class, umask permitting');
  assert.equal(apply('+w', FILE | 0o444), 0o644, 'umask 022 keeps group and other write off');
  assert.equal(apply('u+s,g+s,+t', FILE | 0o755), 0o7755);
  assert.equal(apply('o+t', S_IFDIR | 0o777, true), 0o1777);
  assert.equal(apply('g=u', FILE | 0o740), 0o770);
  assert.equal(apply('u+x,g-r', FILE | 0o644), 0o704);
});

test('X adds execute only to directories and already-executable files', () => {
  assert.equal(apply('a+X', FILE | 0o644), 0o644);
  assert.equal(apply('a+X', FILE | 0o744), 0o755);
  assert.equal(apply('a+X', S_IFDIR | 0o644, true), 0o755);
});

test('rejects what chmod would reject', () => {
  for (const bad of ['999', '88', 'u+q', 'x+r', '', 'u', '077777', '+rw,']) assert.equal(parseMode(bad), undefined, bad);
});

test('formats like ls -l', () => {
  assert.equal(formatMode(FILE | 0o644), '-rw-r--r--');
  assert.equal(formatMode(S_IFDIR | 0o1777), 'drwxrwxrwt');
  assert.equal(formatMode(FILE | 0o4644), '-rwSr--r--');
  assert.equal(formatMode(FILE | 0o2755), '-rwxr-sr-x');
  assert.equal(describeMode(FILE | 0o777), '-rwxrwxrwx (0777)');
});
