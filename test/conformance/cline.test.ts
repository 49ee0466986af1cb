// Conformance of the real cline binary (see suite.ts).
import { defineAgentSuite } from './suite';
import { cline } from './drivers/cline';

defineAgentSuite(cline);
