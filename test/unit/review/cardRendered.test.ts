// "Details opened" from the card counts only when what the card rendered is provably the whole subject.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardShowedWhole } from '../../../src/review/cardRendered';

const view = (text: string, over: { clipped?: boolean; wholeInEditor?: { what: string; diffCounts: boolean } } = {}) => ({
  subject: { label: 'Command', text, field: 'command' as const, clipped: over.clipped ?? false },
  wholeInEditor: over.wholeInEditor,
});

test('the card counts as showing the subject whole only for exactly the text sent, unscrolled', () => {
  assert.equal(cardShowedWhole(view('chmod 777 deploy.sh'), 'chmod 777 deploy.sh', false), true);
  assert.equal(cardShowedWhole(view('chmod 777 deploy.sh'), undefined, undefined), false, 'a bare "opened" proves nothing');
  assert.equal(cardShowedWhole(view('chmod 777 deploy.sh'), 'chmod 777 deploy.sh', true), false, 'a box that scrolls hides part');
  assert.equal(cardShowedWhole(view('chmod 777 deploy.sh'), 'chmod 777', false), false, 'part of the text');
  assert.equal(cardShowedWhole(view('rm -rf x\u202e'), 'rm -rf x\u202e', false), false, 'the raw text: the card shows hidden characters as markers');
  assert.equal(cardShowedWhole(view('rm -rf x\u202e'), 'rm -rf x⟦U+202E⟧', false), true);
  assert.equal(cardShowedWhole(view('a', { clipped: true }), 'a', false), false, 'a clipped subject');
  assert.equal(cardShowedWhole(view('a', { wholeInEditor: { what: 'command', diffCounts: false } }), 'a', false), false, 'too long for the card: the editor only');
});
