import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoTime } from '../../../src/audit/isoTime';

test('isoTime gives the text toISOString gives, across the whole 0000-9999 range and its edges', () => {
  const edges = [0, -1, 1, Date.UTC(0, 0, 1) - 1, Date.UTC(2026, 11, 5, 23, 59, 59, 999), Date.UTC(2024, 1, 29, 12), Date.UTC(9999, 11, 31, 23, 59, 59, 999)];
  edges.push(new Date('0000-01-01T00:00:00.000Z').getTime());
  let seed = 7;
  const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const span = Date.UTC(9999, 11, 31) - new Date('0000-01-01T00:00:00.000Z').getTime();
  for (let i = 0; i < 5000; i++) edges.push(Math.floor(new Date('0000-01-01T00:00:00.000Z').getTime() + next() * span));
  for (const t of edges) assert.equal(isoTime(new Date(t)), new Date(t).toISOString(), String(t));
});

test('years outside 0000-9999 get the expanded form, and an invalid date the same RangeError', () => {
  for (const t of [Date.UTC(10000, 0, 1), new Date('-000001-06-01T00:00:00Z').getTime(), 8.64e15, -8.64e15]) {
    assert.equal(isoTime(new Date(t)), new Date(t).toISOString());
  }
  assert.throws(() => isoTime(new Date(NaN)), RangeError);
});
