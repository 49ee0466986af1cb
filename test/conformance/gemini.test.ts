// Conformance of the real gemini binary (see suite.ts).
import { defineAgentSuite } from './suite';
import { gemini } from './drivers/gemini';

defineAgentSuite(gemini);
