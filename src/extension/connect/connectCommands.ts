// "Countersign: Connect Agents…" and "Disconnect Agents…": pick agents, see the exact change to each config
// file as a diff, confirm, write. The planning and writing are src/agents (no UI), shared with the tests.
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { agentInfo, AGENTS, type Locations, type Scope } from '../../agents/catalog';
import { applyChanges, planConnection, planDisconnection, readText, type Applied } from '../../agents/connect';
import { planUserHooksLocation } from '../../agents/vscodeHookLocations';
import { changes, type PlannedChange } from '../../agents/plan';
import type { AgentName } from '../../policy/types';
import type { AgentConnectionView } from '../../protocol/webviewMessages';
import type { ConfigPreview } from './configPreview';
import { detectAgents } from './detect';
import type { ConnectionManifest } from '../../agents/manifest';
import type { Shim } from './shim';

export interface ConnectDeps {
  shim: Shim;
  manifest: ConnectionManifest;
  preview: ConfigPreview;
  states(): AgentConnectionView[];
  refresh(): void;
  /** VS Code's user settings.json, when known (Connect adds ~/.copilot/hooks there on a VS Code that needs it). */
  userSettingsFile?: string;
}

export function locations(): Locations {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  return { home: homedir(), workspace: folder?.uri.fsPath, codexHome: process.env.CODEX_HOME };
}

const tilde = (file: string) => (file.startsWith(homedir()) ? `~${file.slice(homedir().length)}` : vscode.workspace.asRelativePath(file));

function detections() {
  return detectAgents(homedir(), process.env.PATH ?? '', vscode.extensions.getExtension('GitHub.copilot-chat') !== undefined);
}

async function pickAgents(title: string, candidates: { agent: AgentName; description: string; picked: boolean }[]): Promise<AgentName[] | undefined> {
  const items = candidates.map((c) => ({ label: agentInfo(c.agent).label, description: c.description, picked: c.picked, agent: c.agent }));
  const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, ignoreFocusOut: true });
  return picked?.map((p) => p.agent);
}

async function pickScope(): Promise<Scope | undefined> {
  if (!locations().workspace) return 'user';
  const items: (vscode.QuickPickItem & { scope: Scope })[] = [
    { label: 'Your user configuration', description: 'recommended', detail: 'Guards the agents wherever you run them; nothing is added to the repository.', scope: 'user' },
    { label: 'This repository', detail: 'Shares the set-up with your team. Shared files run `countersign` from PATH: no machine paths are committed.', scope: 'workspace' },
  ];
  return (await vscode.window.showQuickPick(items, { title: 'Where should the hooks go?', ignoreFocusOut: true }))?.scope;
}

/** Shows every change as a diff, then asks once. Only a click on the modal's button writes. */
async function confirmAndApply(plans: PlannedChange[], preview: ConfigPreview, verb: string): Promise<Applied[] | undefined> {
  const problems = plans.filter((p) => p.problem);
  if (problems.length) void vscode.window.showWarningMessage(`Countersign skipped ${problems.length} file(s): ${problems.map((p) => p.problem).join(' ')}`);
  const todo = plans.filter(changes);
  if (todo.length === 0) {
    void vscode.window.showInformationMessage(`Countersign: nothing to ${verb.toLowerCase()}; the selected agents are already set up.`);
    return undefined;
  }
  for (const p of todo) {
    await preview.show(p.target.file, p.before, p.after, `${agentInfo(p.target.agent).label}: ${tilde(p.target.file)} (${verb})`);
  }
  const files = todo.map((p) => `${p.after === undefined ? 'delete' : p.before === undefined ? 'create' : 'edit'} ${tilde(p.target.file)}`).join('\n');
  const ok = await vscode.window.showWarningMessage(`${verb} ${todo.length} agent config file(s)? Review the diffs first.`, { modal: true, detail: files }, verb);
  if (ok !== verb) return undefined;
  return applyChanges(todo);
}

export async function connectAgents(deps: ConnectDeps): Promise<void> {
  const found = detections();
  const states = deps.states();
  const agents = await pickAgents(
    'Connect agents to Countersign',
    AGENTS.map(({ agent }) => {
      const d = found.find((x) => x.agent === agent);
      const connected = states.find((s) => s.agent === agent)?.connected ?? false;
      return {
        agent,
        description: connected ? 'connected' : d?.detected ? `detected: ${d.evidence.join(', ')}` : 'not detected',
        picked: !!d?.detected && !connected,
      };
    }),
  );
  if (!agents?.length) return;
  const scope = await pickScope();
  if (!scope) return;
  const plans = planConnection(agents, scope, locations(), deps.shim.path);
  // Before VS Code 1.112 ~/.copilot/hooks is read only when chat.hookFilesLocations names it: shown as one more diff.
  const connectsUserVscode = plans.some((p) => p.target.agent === 'vscode' && p.target.scope === 'user');
  const location = connectsUserVscode && deps.userSettingsFile ? planUserHooksLocation(deps.userSettingsFile, readText(deps.userSettingsFile), vscode.version) : undefined;
  const applied = await confirmAndApply(location ? [...plans, location] : plans, deps.preview, 'Connect');
  if (!applied) return;
  deps.manifest.update(Object.fromEntries(applied.map((a) => [a.plan.target.file, { created: a.plan.created }])));
  deps.refresh();
  const notes = [...new Set(applied.map((a) => agentInfo(a.plan.target.agent).note).filter((n): n is string => !!n))];
  const shared = applied.some((a) => a.plan.target.shared)
    ? ' Repository files run `countersign` from PATH: teammates need Countersign installed (its terminals have it on PATH).'
    : '';
  void vscode.window.showInformationMessage(`Countersign connected: ${applied.map((a) => `${agentInfo(a.plan.target.agent).label} (${tilde(a.plan.target.file)})`).join(', ')}.${shared} ${notes.join(' ')}`.trim());
}

export async function disconnectAgents(deps: ConnectDeps): Promise<void> {
  const connected = deps.states().filter((s) => s.connected);
  if (connected.length === 0) {
    void vscode.window.showInformationMessage('Countersign: no agent is connected.');
    return;
  }
  const agents = await pickAgents(
    'Disconnect agents from Countersign',
    connected.map((s) => ({ agent: s.agent as AgentName, description: s.files.map(tilde).join(', '), picked: true })),
  );
  if (!agents?.length) return;
  const applied = await confirmAndApply(planDisconnection(agents, locations(), (f) => deps.manifest.created(f)), deps.preview, 'Disconnect');
  if (!applied) return;
  deps.manifest.update(Object.fromEntries(applied.map((a) => [a.plan.target.file, undefined])));
  deps.refresh();
  void vscode.window.showInformationMessage(`Countersign disconnected: ${applied.map((a) => tilde(a.plan.target.file)).join(', ')}. Those agents are no longer guarded.`);
}
