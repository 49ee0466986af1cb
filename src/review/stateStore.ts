// Key-value state the host keeps across restarts (VS Code: ExtensionContext.globalState / workspaceState, a Memento).
export interface StateStore {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}
