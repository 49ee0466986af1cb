// `countersign doctor [--json] [--workspace DIR]`: per agent, is Countersign's hook connected and will it run for
// that workspace. Exit 1 when a connected agent is not guarded.
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { agentInfo } from '../agents/catalog';
import { doctorExitCode, managedSettingsFiles, runDoctor, vscodeUserSettingsFiles } from '../agents/doctor';
import type { DoctorPlaces, DoctorReport } from '../agents/doctor';

export function doctorPlaces(workspace: string): DoctorPlaces {
  const home = homedir();
  const places: DoctorPlaces = { home, workspace, managed: managedSettingsFiles(), vscodeUserSettings: vscodeUserSettingsFiles(home) };
  if (process.env.CODEX_HOME) places.codexHome = process.env.CODEX_HOME;
  return places;
}

function text(report: DoctorReport): string {
  return report.agents
    .map((a) => {
      const state = !a.connected ? 'not connected' : a.guarded ? 'connected, guarded' : 'connected, NOT GUARDING';
      const lines = [`${agentInfo(a.agent).label}: ${state}`];
      for (const p of a.problems) lines.push(`  ${p.file}${p.setting ? ` (${p.setting})` : ''}: ${p.message}`);
      return lines.join('\n');
    })
    .join('\n');
}

export function runDoctorCommand(argv: string[]): Promise<number> {
  let values: { json?: boolean; workspace?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, workspace: { type: 'string' } }, strict: true }));
  } catch (err) {
    process.stderr.write(`countersign: ${(err as Error).message}\nusage: countersign doctor [--json] [--workspace DIR]\n`);
    return Promise.resolve(2);
  }
  const report = runDoctor(doctorPlaces(resolve(values.workspace ?? process.cwd())));
  process.stdout.write(values.json ? JSON.stringify(report) + '\n' : text(report) + '\n');
  return Promise.resolve(doctorExitCode(report));
}
