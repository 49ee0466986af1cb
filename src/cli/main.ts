// The `countersign` CLI: `hook` (agents call it), `evaluate` (policy only, offline).
// Each subcommand is a module exporting one `run(argv)`; this file only dispatches.
import { COMMAND_USAGE, wantsHelp } from './usage';
import { runHook } from './hookCommand';
import { loadCommands } from './lazyBundles';

const USAGE = `usage: countersign <command> [options]

commands:
  hook --agent NAME [--timeout S]
                          answer an agent's pre-tool hook (payload on stdin)
  evaluate [--agent NAME] [--jsonl] [--platform win32|linux|darwin] [--workspace DIR]...
           [--sensitive-path GLOB]... [--allowed-path GLOB]...
                          classify payload(s) from stdin and print the verdict as JSON
  gate --headless --audit FILE [--socket PATH] [--review deny|allow] [--folder DIR]...
                          a gate with no UI (CI, containers): same policy, audit log
  status [--json]         where gates register and which are live
  connect --agent NAME|all [--scope user|repo] [--workspace DIR]
                          put Countersign's hook into agents' configs (NAME: claude, vscode, copilot-cli,
                          cursor, gemini, codex, cline)
  disconnect --agent NAME|all [--scope user|repo] [--workspace DIR]
                          take it out again
  doctor [--json] [--workspace DIR]
                          per agent: is the hook connected, and will it run for that workspace; exit 1 when a
                          connected agent is not guarded
  sandbox [--workspace DIR]... [--allow-path PATH]... -- COMMAND [ARGS...]
                          run COMMAND with secrets hidden, secret variables removed, agent configs and
                          Countersign's state read-only (bubblewrap on Linux, sandbox-exec on macOS)
  audit verify [--anchor HASH] [--json] FILE|DIR...
                          check a hash-chained audit log; non-zero exit names the first broken entry
  audit export [--format jsonl|csv] [--agent A] [--risk R] [--decision D] FILE|DIR...
                          print audit entries

countersign COMMAND --help: that command's usage.
`;

type Command = (argv: string[]) => Promise<number>;
// The hook is what agents run on every tool call: it is the only command in this bundle. The rest load on demand
// from dist/commands.js (lazyBundles.ts).
const COMMANDS: Record<string, () => Command> = {
  hook: () => runHook,
  evaluate: () => loadCommands().runEvaluate,
  audit: () => loadCommands().runAudit,
  status: () => loadCommands().runStatus,
  gate: () => loadCommands().runGate,
  connect: () => loadCommands().runConnect,
  disconnect: () => loadCommands().runDisconnect,
  doctor: () => loadCommands().runDoctorCommand,
  sandbox: () => loadCommands().runSandboxCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 1 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`countersign: unknown command '${name}'\n${USAGE}`);
    return 1;
  }
  // `hook` is what agents run: its --help only for a person at a terminal; from an agent (stdin a pipe) the hook
  // itself answers, and denies the unknown option, rather than exit 0 with text some agents would take as an allow.
  if (wantsHelp(rest) && (name !== 'hook' || process.stdin.isTTY)) {
    process.stdout.write(COMMAND_USAGE[name] ?? USAGE);
    return 0;
  }
  return load()(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Subcommands handle their own failures (hook answers deny); this is the last resort.
    process.stderr.write(`countersign: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
