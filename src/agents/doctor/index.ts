// The doctor: for each agent, is Countersign's hook connected, and will it actually run and decide for this
// workspace given the user's, the repository's and the machine's settings. Reads only the files `places` names.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AGENTS } from '../catalog';
import type { AgentName } from '../../policy/types';
import { checkClaude } from './claude';
import { checkCline } from './cline';
import { checkCodex } from './codex';
import { checkCopilotCli } from './copilotCli';
import { checkCursor } from './cursor';
import { checkGemini } from './gemini';
import { checkVscode } from './vscode';
import type { AgentCheck, AgentDiagnosis, DoctorPlaces, DoctorReport } from './types';

export type { AgentCheck, AgentDiagnosis, DoctorFix, DoctorSandbox, DoctorPlaces, DoctorProblem, DoctorReport, Finding } from './types';

const CHECKS: Record<AgentName, (p: DoctorPlaces) => AgentCheck> = {
  claude: checkClaude,
  vscode: checkVscode,
  'copilot-cli': checkCopilotCli,
  cursor: checkCursor,
  gemini: checkGemini,
  codex: checkCodex,
  cline: checkCline,
};

/** Every agent's check, findings with their fixes (for the extension). A check that throws is reported, not hidden. */
export function checkAgents(places: DoctorPlaces): AgentCheck[] {
  return AGENTS.map(({ agent }) => {
    try {
      return CHECKS[agent](places);
    } catch (err) {
      return { agent, connected: false, findings: [{ file: '', setting: '', message: `Countersign could not check this agent: ${err instanceof Error ? err.message : String(err)}`, disables: true }] };
    }
  });
}

export function diagnosis(c: AgentCheck): AgentDiagnosis {
  return {
    agent: c.agent,
    connected: c.connected,
    guarded: c.connected && !c.findings.some((f) => f.disables),
    problems: c.findings.map(({ file, setting, message }) => ({ file, setting, message })),
  };
}

export function runDoctor(places: DoctorPlaces): DoctorReport {
  return { agents: checkAgents(places).map(diagnosis) };
}

/** Exit status of `countersign doctor`: 1 when a connected agent is not guarded. */
export function doctorExitCode(report: DoctorReport): number {
  return report.agents.some((a) => a.connected && !a.guarded) ? 1 : 0;
}

/** Machine-wide settings files each agent reads on this platform (fixed paths: nothing redirects them). */
export function managedSettingsFiles(platform: NodeJS.Platform = process.platform): DoctorPlaces['managed'] {
  if (platform === 'darwin') return { claude: ['/Library/Application Support/ClaudeCode/managed-settings.json'], gemini: ['/Library/Application Support/GeminiCli/settings.json'] };
  if (platform === 'win32') {
    return { claude: ['C:\\ProgramData\\ClaudeCode\\managed-settings.json', 'C:\\Program Files\\ClaudeCode\\managed-settings.json'], gemini: ['C:\\ProgramData\\gemini-cli\\settings.json'] };
  }
  return { claude: ['/etc/claude-code/managed-settings.json'], gemini: ['/etc/gemini-cli/settings.json'] };
}

/** VS Code-family user settings files under a home directory (the CLI does not know which editor runs the agent). */
export function vscodeUserSettingsFiles(home: string = homedir(), platform: NodeJS.Platform = process.platform, appData?: string): string[] {
  const products = ['Code', 'Code - Insiders', 'VSCodium', 'Cursor'];
  const bases =
    platform === 'darwin'
      ? products.map((p) => join(home, 'Library', 'Application Support', p))
      : platform === 'win32'
        ? products.map((p) => join(appData ?? join(home, 'AppData', 'Roaming'), p))
        : [...products.map((p) => join(home, '.config', p)), join(home, '.local', 'share', 'code-server')];
  return bases.map((b) => join(b, 'User', 'settings.json'));
}
