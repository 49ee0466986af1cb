// What Connect Agents created in each config file, so Disconnect removes exactly that and nothing else.
// Kept in global storage (user-only).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreatedPath } from './hookConfig';

export type Manifest = Record<string, { created: CreatedPath[] }>;

export class ConnectionManifest {
  private readonly file: string;

  constructor(private readonly globalStorage: string) {
    this.file = join(globalStorage, 'connections.json');
  }

  read(): Manifest {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as Manifest) : {};
    } catch {
      return {};
    }
  }

  created(file: string): CreatedPath[] {
    return this.read()[file]?.created ?? [];
  }

  update(changes: Record<string, { created: CreatedPath[] } | undefined>): void {
    const next = { ...this.read() };
    for (const [file, entry] of Object.entries(changes)) {
      if (entry) next[file] = { created: [...(next[file]?.created ?? []), ...entry.created] };
      else delete next[file];
    }
    mkdirSync(this.globalStorage, { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
