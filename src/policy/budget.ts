// Hard limits on the work one evaluation may do. An input that exceeds one is opaque to the analyzer, so it is
// rated sensitive (never safe): a hostile agent must not buy an "allow" by making the policy give up.
export const LIMITS = {
  /** Longest command line analyzed; longer ones are not parsed at all. */
  commandChars: 256 * 1024,
  /** More pipeline/list operators than this and the command is not parsed (a 10,000-stage pipeline). */
  operators: 4000,
  /** Wall-clock budget for one tree-sitter parse. */
  parseMillis: 40,
  /** Whole evaluation, a backstop checked between steps (the size, count and depth limits above are what keep
   * hostile inputs fast); generous so a cold first evaluation is never cut short. */
  totalMillis: 250,
  /** Syntax nodes copied out of one parse. */
  nodes: 30_000,
  /** Syntax tree depth (`$(` nested 500 deep is far past this). */
  depth: 150,
  /** Levels of code inside code (`bash -c "sh -c '…'"`, heredocs fed to shells, interpreter subprocess strings). */
  nesting: 8,
  /** Simple commands analyzed per evaluation. */
  commands: 3000,
  /** New file content scanned by the content detectors. */
  contentChars: 1024 * 1024,
  /** Configuration parsed to be judged by meaning (content/config); larger text gets the line rules. */
  configChars: 256 * 1024,
  /** Alternatives produced by brace expansion of one word. */
  braceAlternatives: 64,
} as const;

/** A deadline shared by every step of one evaluation. */
export class Deadline {
  private readonly end: number;
  constructor(millis: number = LIMITS.totalMillis) {
    this.end = performance.now() + millis;
  }
  expired(): boolean {
    return performance.now() > this.end;
  }
  /** Milliseconds left, never below 1 (tree-sitter's progress callback needs a positive window). */
  remaining(): number {
    return Math.max(1, this.end - performance.now());
  }
}
