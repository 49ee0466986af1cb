// Cline: an executable named PreToolUse in ~/.cline/hooks, ~/Documents/Cline/Hooks, or the repository's
// .clinerules/hooks or .cline/hooks. Cline runs it only if it is executable.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isClineHookScript } from '../scripts';
import type { AgentCheck, DoctorPlaces, Finding } from './types';

export function checkCline(p: DoctorPlaces): AgentCheck {
  const findings: Finding[] = [];
  const dirs = [join(p.home, '.cline', 'hooks'), join(p.home, 'Documents', 'Cline', 'Hooks'), ...(p.workspace ? [join(p.workspace, '.clinerules', 'hooks'), join(p.workspace, '.cline', 'hooks')] : [])];
  let connected = false;
  for (const dir of dirs) {
    // Cline on Windows runs PreToolUse.ps1 (with PowerShell) instead of the executable PreToolUse.
    const file = join(dir, process.platform === 'win32' ? 'PreToolUse.ps1' : 'PreToolUse');
    let text: string;
    let mode: number;
    try {
      text = readFileSync(file, 'utf8');
      mode = statSync(file).mode;
    } catch {
      continue;
    }
    if (!isClineHookScript(text)) continue;
    connected = true;
    if (process.platform !== 'win32' && (mode & 0o100) === 0) {
      findings.push({ file, setting: 'mode', message: "Countersign's Cline hook is not executable, so Cline does not run it. Make it executable (chmod u+x) or connect Cline again.", disables: true });
    }
  }
  return { agent: 'cline', connected, findings };
}
