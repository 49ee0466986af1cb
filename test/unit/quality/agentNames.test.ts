// One list of agent names: the connect catalog, the policy and the CLI all answer from protocol/agentNames.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT_NAMES, isAgentName } from '../../../src/protocol/agentNames';
import { AGENTS, isKnownAgent } from '../../../src/agents/catalog';
import * as policyTypes from '../../../src/policy/types';

test('the catalog lists exactly the protocol agents, in order', () => {
  assert.deepEqual(AGENTS.map((a) => a.agent), [...AGENT_NAMES]);
});

test('the policy and the catalog use the same predicate', () => {
  assert.equal(policyTypes.isAgentName, isAgentName);
  assert.equal(isKnownAgent, isAgentName);
  assert.equal(policyTypes.AGENT_NAMES, AGENT_NAMES);
  for (const bad of ['Claude', 'unknown', '', 'claude ', '__proto__', 'toString']) assert.equal(isKnownAgent(bad), false, bad);
});
