// Agents started in this window's integrated terminals reach this window's gate, even with several windows open.
import { delimiter } from 'node:path';
import type * as vscode from 'vscode';
import type { GateStatus } from '../protocol/gateLsp';

export function exportGateToTerminals(collection: vscode.GlobalEnvironmentVariableCollection, status: GateStatus, shimDir: string): void {
  collection.persistent = false; // sockets change every session; a restored terminal must not keep a dead one
  collection.description = 'Lets coding agents in this terminal reach the Countersign review panel of this window.';
  // A hint only: the CLI uses it when it names a live gate in the registry, else finds the gate for its cwd.
  collection.replace('COUNTERSIGN_SOCKET', status.socket);
  // `countersign` on PATH: repository-scope hooks run it by name.
  collection.prepend('PATH', `${shimDir}${delimiter}`);
}
