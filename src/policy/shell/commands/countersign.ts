// Countersign's own CLI run by an agent. Starting a gate (it could answer allow for every review), connecting or
// disconnecting agents' hooks, or feeding a hook by hand changes who guards the agent: that is the guard's own
// configuration, so a human must approve it. Reading state (status, doctor, evaluate, audit verify) changes nothing.
import type { HandlerTable } from './handler';
import { subcommands } from './handler';
import { judgeSandboxRun } from './countersignSandbox';

const CHANGES_THE_GUARD: Record<string, string> = {
  gate: 'Starts a Countersign gate, which decides what agents may do (its options can allow without asking).',
  connect: "Connects agents to Countersign by rewriting their hook configuration.",
  disconnect: "Disconnects agents from Countersign: their actions would no longer be reviewed.",
  hook: 'Calls the Countersign hook by hand with a payload of its own making.',
};

const READS_ONLY = new Set(['status', 'doctor', 'evaluate', 'help', '--help', '-h', '--version', '-v']);

export const COUNTERSIGN_COMMANDS: HandlerTable = {
  countersign: (inv, a) => {
    const { words, index } = subcommands(inv, 2);
    const [sub = '', second = ''] = words;
    const change = CHANGES_THE_GUARD[sub];
    if (change) return a.hitOn('perm.guard', change, inv);
    // The sandbox takes rights away: judged by the command it runs and the paths it opens (countersignSandbox.ts).
    if (sub === 'sandbox' && index === 0) return judgeSandboxRun(inv, a, index);
    // Its arguments are still swept like any command's (a path argument to a secret is still a read of it).
    if (READS_ONLY.has(sub) || (sub === 'audit' && second === 'verify') || inv.args.length === 0) return;
    // `audit export FILE` writes a file; anything newer than this list is not known to be harmless.
    a.hitOn('exec.unknown-command', `Runs \`countersign ${sub}\`, which Countersign cannot vouch for.`, inv);
  },
};
