// Hard limits on the work one evaluation may do. An input that exceeds one is opaque to the analyzer, so it is
// rated sensitive (never safe): a hostile agent must not buy an "allow" by making the policy give up.
// Every limit counts work (characters, syntax nodes, parser progress ticks, analysis steps), never wall-clock
// time: the same payload gets the same verdict on an idle machine and on a loaded one.
export const LIMITS = {
  /** Longest command line analyzed; longer ones are not parsed at all. */
  commandChars: 256 * 1024,
  /** More pipeline/list operators than this and the command is not parsed (a 10,000-stage pipeline). */
  operators: 4000,
  /** tree-sitter progress ticks for one parse (the parser reports progress after a fixed amount of its own work:
   * none for an ordinary command, ~50 for `$(` nested 500 deep, ~2,500 for a 100 KB argument list). */
  parseTicks: 1500,
  /** Progress ticks for all parses of one evaluation (code inside code is parsed again). */
  totalParseTicks: 4000,
  /** Syntax nodes copied out of one parse. */
  nodes: 30_000,
  /** Syntax tree depth (`$(` nested 500 deep is far past this). */
  depth: 150,
  /** Levels of code inside code (`bash -c "sh -c '…'"`, heredocs fed to shells, interpreter subprocess strings). */
  nesting: 8,
  /** Simple commands analyzed per evaluation. */
  commands: 3000,
  /** Analysis steps per evaluation: one per script parsed, per command dispatched, per word checked as a path, per
   * 1,000 syntax nodes; a backstop for work the limits above do not bound on their own. */
  steps: 200_000,
  /** New file content scanned by the content detectors. */
  contentChars: 1024 * 1024,
  /** Alternatives produced by brace expansion of one word. */
  braceAlternatives: 64,
} as const;

/** The work one evaluation may still do, shared by every step of it. Counts work, never time. */
export class WorkBudget {
  private steps = 0;
  private parseTicks = 0;

  /** Charges `n` analysis steps; true once the evaluation has spent its budget. */
  charge(n = 1): boolean {
    this.steps += n;
    return this.exhausted();
  }

  exhausted(): boolean {
    return this.steps > LIMITS.steps || this.parseTicks > LIMITS.totalParseTicks;
  }

  /** Parser progress ticks one more parse may use (0: none left). */
  parseTicksLeft(): number {
    return Math.max(0, Math.min(LIMITS.parseTicks, LIMITS.totalParseTicks - this.parseTicks));
  }

  /** Records the progress ticks a parse used. */
  spendParseTicks(n: number): void {
    this.parseTicks += n;
  }
}
