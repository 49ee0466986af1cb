// Owns everything about connecting agents: the shim, the manifest, the diff preview, and the current state
// of each agent (pushed to the panel whenever it may have changed).
import * as vscode from 'vscode';
import type { AgentConnectionView } from '../../protocol/webviewMessages';
import { connectionStates } from './agentStatus';
import { ConfigPreview } from './configPreview';
import { connectAgents, disconnectAgents, locations, type ConnectDeps } from './connectCommands';
import { detectAgents } from './detect';
import { ConnectionManifest } from '../../agents/manifest';
import { writeShim, type Shim } from './shim';
import { userSettingsFile } from './userSettingsFile';

export class AgentConnections implements vscode.Disposable {
  readonly shim: Shim;
  private readonly manifest: ConnectionManifest;
  readonly preview = new ConfigPreview();
  private readonly changed = new vscode.EventEmitter<AgentConnectionView[]>();
  /** Fires with the new states after a connect, disconnect, or a change to an agent config file. */
  readonly onDidChange = this.changed.event;
  private readonly watchers: vscode.Disposable[] = [];

  constructor(
    private readonly globalStorage: string,
    extensionPath: string,
  ) {
    this.shim = writeShim(globalStorage, extensionPath);
    this.manifest = new ConnectionManifest(globalStorage);
    // Agents' configs can change behind our back (another tool, the user, an agent): keep the panel honest.
    for (const pattern of ['**/.claude/settings*.json', '**/.github/hooks/*.json', '**/.cursor/hooks.json', '**/.gemini/settings.json', '**/.codex/hooks.json', '**/.clinerules/hooks/*']) {
      const w = vscode.workspace.createFileSystemWatcher(pattern);
      this.watchers.push(w, w.onDidChange(() => this.refresh()), w.onDidCreate(() => this.refresh()), w.onDidDelete(() => this.refresh()));
    }
  }

  states(): AgentConnectionView[] {
    const found = detectAgents(locations().home, process.env.PATH ?? '', vscode.extensions.getExtension('GitHub.copilot-chat') !== undefined);
    return connectionStates(found, locations());
  }

  refresh(): void {
    this.changed.fire(this.states());
  }

  private deps(): ConnectDeps {
    return { shim: this.shim, manifest: this.manifest, preview: this.preview, states: () => this.states(), refresh: () => this.refresh(), userSettingsFile: userSettingsFile(this.globalStorage) };
  }

  connect(): Promise<void> {
    return connectAgents(this.deps());
  }

  disconnect(): Promise<void> {
    return disconnectAgents(this.deps());
  }

  dispose(): void {
    for (const d of this.watchers.splice(0)) d.dispose();
    this.preview.dispose();
    this.changed.dispose();
  }
}
