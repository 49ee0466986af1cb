import { test } from 'node:test';
import assert from 'node:assert/strict';
import { riskOf } from './policyHarness';

test('the bash parser loads and ordinary commands are safe', async () => {
  assert.equal(await riskOf('ls -la'), 'safe');
  assert.equal(await riskOf('cat .env'), 'sensitive');
});
