// Conformance of the real codex binary (see suite.ts).
import { defineAgentSuite } from './suite';
import { codex } from './drivers/codex';

defineAgentSuite(codex);
