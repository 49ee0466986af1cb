// Which shell an agent's command line is for. The tool says it when it can (Claude Code's and Copilot CLI's
// `PowerShell`/`powershell` tools; Claude Code's `Bash` is Git Bash even on Windows); otherwise the platform does:
// on Windows the terminal tools of VS Code, Codex, Gemini CLI, Cursor and Cline run PowerShell. An argv that names
// its shell (`["pwsh", "-Command", …]`, `["cmd.exe", "/c", …]`) says so itself.
import type { AgentName, Platform, ShellDialect } from '../types';
import { decodeJsonText, type Obj } from './fields';

export interface Dialect {
  shell: ShellDialect;
  /** The code itself when the argv named its shell (the rest of the argv is that shell's own options). */
  command?: string;
}

const PS_EXE = /(^|[\\/])(powershell|pwsh)(\.exe)?$/i;
const CMD_EXE = /(^|[\\/])cmd(\.exe)?$/i;

/** `["pwsh", "-NoProfile", "-Command", CODE]` → CODE; `["cmd.exe", "/c", CODE]` → CODE. */
function argvDialect(input: Obj): Dialect | undefined {
  const v = decodeJsonText(input.command ?? input.cmd);
  if (!Array.isArray(v) || v.length < 3 || !v.every((x) => typeof x === 'string')) return undefined;
  const argv: string[] = v;
  if (PS_EXE.test(argv[0]!)) {
    const at = argv.findIndex((a, i) => i > 0 && /^[-/](c|command)$/i.test(a));
    if (at > 0 && at === argv.length - 2) return { shell: 'powershell', command: argv[at + 1]! };
    // Other PowerShell argv forms (-File, -EncodedCommand) are judged as a command line PowerShell runs.
    return { shell: 'powershell', command: argv.map(psQuote).join(' ') };
  }
  if (CMD_EXE.test(argv[0]!) && /^\/[ck]$/i.test(argv[1]!) && argv.length === 3) return { shell: 'cmd', command: argv[2]! };
  return undefined;
}

function psQuote(a: string): string {
  return /^[A-Za-z0-9_./\\:=+,-]+$/.test(a) ? a : `'${a.replace(/'/g, "''")}'`;
}

export function shellDialect(agent: AgentName | 'unknown', canonTool: string, input: Obj, platform: Platform | undefined): Dialect {
  const argv = argvDialect(input);
  if (argv) return argv;
  if (canonTool === 'powershell') return { shell: 'powershell' };
  if (platform !== 'win32') return { shell: 'bash' };
  // Claude Code runs its Bash tool in Git Bash on Windows; Copilot CLI names its PowerShell tool `powershell`.
  if ((agent === 'claude' || agent === 'copilot-cli') && canonTool === 'bash') return { shell: 'bash' };
  return { shell: 'powershell' };
}

/** The shell was chosen by the platform, not named by the tool: the other reading's worst findings count too. */
export function dialectGuessed(canonTool: string): boolean {
  return canonTool !== 'powershell';
}
