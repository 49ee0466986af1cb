// The click-through rules live in src/review (shared with the gate); the extension's modules import them from here.
export { ClickThrough, clickThroughProblem, needsClickThrough } from '../review/clickThrough';
