import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasHidden, reveal, revealText } from '../../../src/webview/visible';

test('plain text passes through untouched', () => {
  assert.deepEqual(reveal('chmod 777 deploy.sh'), ['chmod 777 deploy.sh']);
  assert.equal(hasHidden('tabs\tand\nnewlines and CRLF\r\n are fine'), false);
});

test('bidi controls become code-point markers (Trojan Source)', () => {
  assert.equal(revealText('access\u202Elevel\u2066x\u2069\u200E\u200F'), 'access⟦U+202E⟧level⟦U+2066⟧x⟦U+2069⟧⟦U+200E⟧⟦U+200F⟧');
  const [, marker] = reveal('a\u202Eb');
  assert.deepEqual(marker, { marker: '⟦U+202E⟧', name: 'RIGHT-TO-LEFT OVERRIDE' });
});

test('zero-width and invisible characters are marked', () => {
  assert.equal(revealText('s\u200Bu\u200Cd\u200Do\u2060\uFEFF'), 's⟦U+200B⟧u⟦U+200C⟧d⟦U+200D⟧o⟦U+2060⟧⟦U+FEFF⟧');
  assert.equal(revealText('x\u00AD\u3164'), 'x⟦U+00AD⟧⟦U+3164⟧');
});

test('tag characters (ASCII smuggling) are marked one by one', () => {
  const smuggled = 'ok' + String.fromCodePoint(0xe0041, 0xe0042);
  assert.equal(revealText(smuggled), 'ok⟦U+E0041⟧⟦U+E0042⟧');
  assert.equal((reveal(smuggled)[1] as { name: string }).name, 'TAG A');
});

test('ANSI escape sequences are spelled out as one inert marker', () => {
  assert.equal(revealText('\x1b[31mred\x1b[0m'), '⟦ESC[31m⟧red⟦ESC[0m⟧');
  assert.equal(revealText('\x1b]8;;https://evil\x07link\x1b]8;;\x07'), '⟦ESC]8;;https://evilBEL⟧link⟦ESC]8;;BEL⟧');
  assert.equal(revealText('\x1b]0;title\u202E\x07'), '⟦ESC]0;titleU+202EBEL⟧');
});

test('other control characters, a lone CR and DEL are marked; CRLF is not', () => {
  assert.equal(revealText('echo safe\rrm -rf ~'), 'echo safe⟦U+000D⟧rm -rf ~');
  assert.equal(revealText('a\x00b\x07c\x7fd\x85'), 'a⟦U+0000⟧b⟦U+0007⟧c⟦U+007F⟧d⟦U+0085⟧');
  assert.equal(revealText('line\r\nnext'), 'line\r\nnext');
});

test('markers keep the surrounding text exactly', () => {
  const input = 'rm\u200B -rf \u202E/';
  const pieces = reveal(input);
  assert.equal(pieces.filter((p) => typeof p === 'string').join(''), 'rm -rf /');
  assert.equal(pieces.length, 5);
});
