// Conformance of the real claude binary (see suite.ts).
import { defineAgentSuite } from './suite';
import { claude } from './drivers/claude';

defineAgentSuite(claude);
