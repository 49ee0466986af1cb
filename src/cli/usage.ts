// Each subcommand's usage, in one place: `countersign CMD --help` prints it (exit 0), the subcommand prints it on a
// usage error, and test/unit/cli/usage.test.ts checks every flag the subcommand's parser accepts is named here and in
// the README's CLI block.

const AGENT_LIST = 'claude, vscode, copilot-cli, cursor, gemini, codex, cline';

export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  hook: `usage: countersign hook --agent NAME [--timeout S]
  Answers an agent's pre-tool hook: the payload on stdin, the answer in the agent's format on stdout.
  --agent NAME   ${AGENT_LIST}
  --timeout S    the hook timeout the agent was given (the gate decides shortly before it)
`,
  evaluate: `usage: countersign evaluate [--agent NAME] [--jsonl] [--platform win32|linux|darwin] [--workspace DIR]...
                            [--sensitive-path GLOB]... [--allowed-path GLOB]...
  Classifies payload(s) from stdin offline and prints each verdict as JSON: {"risk","reasons","effects","action","changes"}.
  --agent NAME          the payload format (${AGENT_LIST}); detected from the payload when omitted
  --jsonl               one payload per line; lines with the same agent and session id form one session
  --platform P          judge as on this platform (the agent's shell follows from it)
  --workspace DIR       an open workspace folder (repeatable)
  --sensitive-path GLOB / --allowed-path GLOB   as the settings of the same names (repeatable)
`,
  gate: `usage: countersign gate --headless --audit FILE [--socket PATH] [--review deny|allow] [--folder DIR]...
  A gate with no UI (CI, containers): the same policy, an audit log; VS Code starts its own gate.
  --audit FILE     the audit log (FILE.jsonl: exactly that file, rotating to FILE.jsonl.1, …; else a directory)
  --socket PATH    listen here (default: a new socket in the user's runtime directory)
  --review R       what a review-level action gets with nobody to ask: deny (default) or allow
  --folder DIR     a workspace folder (repeatable; default: the current directory)
`,
  status: `usage: countersign status [--json]
  Where gates register and which are live.
`,
  connect: `usage: countersign connect --agent NAME|all [--scope user|repo] [--workspace DIR]
  Puts Countersign's hook into agents' configs (--agent repeatable; NAME: ${AGENT_LIST}, or all).
`,
  disconnect: `usage: countersign disconnect --agent NAME|all [--scope user|repo] [--workspace DIR]
  Takes Countersign's hook out of agents' configs again.
`,
  doctor: `usage: countersign doctor [--json] [--workspace DIR]
  Per agent: is the hook connected, and will it run for that workspace; exit 1 when a connected agent is not guarded.
`,
  sandbox: `usage: countersign sandbox [--workspace DIR]... [--allow-path PATH]... -- COMMAND [ARGS...]
  Runs COMMAND with secrets hidden, secret variables removed, agent configs and Countersign's state read-only
  (bubblewrap on Linux, sandbox-exec on macOS). Options after -- belong to COMMAND.
`,
  audit: `usage:
  countersign audit verify [--anchor HASH] [--json] FILE|DIR...
      Checks the files as one hash chain, in the order given (a directory: its log files in chain order; a
      directory with several chains side by side, given alone: each chain, one line each).
      exit 0 intact, 1 broken (names the first broken entry), 3 torn last line only (crash mid-append), 2 usage/IO.
      --anchor HASH  the chain must contain the entry with this hash (or prefix of 8+ hex digits), e.g. a head
                     recorded elsewhere: detects entries cut off the end.
  countersign audit export [--format jsonl|csv] [--agent A] [--risk R] [--decision D] FILE|DIR...
      Prints entries (jsonl: as stored; csv: one row per entry, header first; several chains: one after the
      other, the csv column 'chain' tells them apart). Filters take several values
      (repeat the option or separate with commas); with any filter only request/decision entries are printed.
      risks: safe, review, sensitive, blocked; decisions: allow, deny, pending.
`,
};

/** Whether argv asks for help: `--help` or `-h` before any `--` (after it, the words belong to a sandboxed command). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
