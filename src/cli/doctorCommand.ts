// `countersign doctor [--json] [--workspace DIR]`: per agent, is Countersign's hook connected and will it run for
// that workspace. Exit 1 when a connected agent is not guarded.
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { agentInfo } from '../agents/catalog';
import { doctorExitCode, managedSettingsFiles, runDoctor, vscodeUserSettingsFiles } from '../agents/doctor';
import type { DoctorPlaces, DoctorReport, DoctorSandbox } from '../agents/doctor';
import { readSnapshot } from '../ipc/settingsSnapshot';
import { probeSandbox } from '../sandbox/probe';
import { sandboxStatus } from '../sandbox/status';

export function doctorPlaces(workspace: string): DoctorPlaces {
  const home = homedir();
  const places: DoctorPlaces = { home, workspace, managed: managedSettingsFiles(), vscodeUserSettings: vscodeUserSettingsFiles(home) };
  if (process.env.CODEX_HOME) places.codexHome = process.env.CODEX_HOME;
  return places;
}

/** This machine's sandbox and the user's setting, as `doctor` reports it. */
export function doctorSandbox(): DoctorSandbox {
  const setting = readSnapshot().sandbox ?? 'auto';
  const status = sandboxStatus(probeSandbox(), setting);
  return { state: status.state, ...(status.mechanism ? { mechanism: status.mechanism } : {}), setting, message: status.text };
}

function text(report: DoctorReport): string {
  const sandbox = report.sandbox ? `\nSandbox: ${report.sandbox.state} · ${report.sandbox.message}` : '';
  return report.agents
    .map((a) => {
      const state = !a.connected ? 'not connected' : a.guarded ? 'connected, guarded' : 'connected, NOT GUARDING';
      const lines = [`${agentInfo(a.agent).label}: ${state}`];
      for (const p of a.problems) lines.push(`  ${p.file}${p.setting ? ` (${p.setting})` : ''}: ${p.message}`);
      return lines.join('\n');
    })
    .join('\n') + sandbox;
}

export function runDoctorCommand(argv: string[]): Promise<number> {
  let values: { json?: boolean; workspace?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, workspace: { type: 'string' } }, strict: true }));
  } catch (err) {
    process.stderr.write(`countersign: ${(err as Error).message}\nusage: countersign doctor [--json] [--workspace DIR]\n`);
    return Promise.resolve(2);
  }
  const report: DoctorReport = { ...runDoctor(doctorPlaces(resolve(values.workspace ?? process.cwd()))), sandbox: doctorSandbox() };
  process.stdout.write(values.json ? JSON.stringify(report) + '\n' : text(report) + '\n');
  return Promise.resolve(doctorExitCode(report));
}
