// docs/ARCHITECTURE.md's layer table is the lint configuration: each row must say exactly what
// .dependency-cruiser.mjs's LAYERS enforces (scripts/check-layers.mjs, run by `npm run check`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

interface Layer {
  imports: string[];
  types: string[];
  node: 'any' | 'none' | 'no-processes-or-sockets' | 'no-disk-processes-or-sockets';
  npm: 'any' | string[];
}

const ROOT = join(__dirname, '../../../..');

const list = (xs: string[]): string => (xs.length === 0 ? '—' : xs.map((x) => `\`${x}\``).join(', '));
const nodeCell = (fsFiles: string[]) => ({
  any: 'any',
  none: 'none',
  'no-processes-or-sockets': `no process or socket modules; \`fs\` only in ${list(fsFiles)}`,
  'no-disk-processes-or-sockets': 'no `fs`, no process or socket modules',
});

function row(name: string, layer: Layer, NODE_CELL: ReturnType<typeof nodeCell>): string {
  const npm = layer.npm === 'any' ? 'any' : layer.npm.length === 0 ? 'none' : list(layer.npm);
  return `| \`${name}/\` | ${list(layer.imports)} | ${list(layer.types)} | ${NODE_CELL[layer.node]} | ${npm} |`;
}

test('the layer table of ARCHITECTURE.md is the layer check configuration, row for row', async () => {
  const config = (await import(pathToFileURL(join(ROOT, '.dependency-cruiser.mjs')).href)) as { LAYERS: Record<string, Layer>; POLICY_FS_FILES: string[] };
  const doc = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Layers'));
  const documented = section.split('\n').filter((l) => /^\| `[a-z]+\/` \|/.test(l));
  const configured = Object.entries(config.LAYERS).map(([name, layer]) => row(name, layer, nodeCell(config.POLICY_FS_FILES)));
  assert.ok(configured.length >= 10, 'every folder of src/ is a layer');
  assert.deepEqual(documented, configured);
});
