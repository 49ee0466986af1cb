// Conformance of the real copilot binary (see suite.ts).
import { defineAgentSuite } from './suite';
import { copilot } from './drivers/copilot';

defineAgentSuite(copilot);
