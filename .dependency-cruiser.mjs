// The layer table of docs/ARCHITECTURE.md ("Layers"), as rules. `npm run check` enforces it through
// scripts/check-layers.mjs (dependency-cruiser's API: its command line refuses Node 20, which VS Code ships).
// test/unit/quality/layersDoc.test.ts keeps the document's table and LAYERS equal: change both together.
//
// Each layer lists what it may import from other layers: `imports` at run time, `types` only with `import type` (or
// names used only as types, which the bundler drops). Entries are folders (`audit/`) or single files
// (`webview/visible.ts`) under src/. Anything not listed is refused, so a new folder must be added here to be used.

/** @type {Record<string, { imports: string[], types: string[], node: 'any' | 'none' | 'no-processes-or-sockets' | 'no-disk-processes-or-sockets', npm: 'any' | string[] }>} */
export const LAYERS = {
  policy: { imports: ['protocol/agentNames.ts'], types: [], node: 'no-processes-or-sockets', npm: 'any' },
  protocol: { imports: [], types: ['policy/', 'audit/'], node: 'none', npm: ['vscode-jsonrpc'] },
  ipc: { imports: [], types: ['protocol/'], node: 'any', npm: [] },
  audit: { imports: ['ipc/', 'protocol/hookWire.ts'], types: ['policy/', 'protocol/'], node: 'any', npm: [] },
  lint: { imports: ['agents/'], types: [], node: 'none', npm: ['jsonc-parser', 'picomatch'] },
  agents: { imports: ['lint/', 'policy/paths/containment.ts', 'protocol/agentNames.ts'], types: ['policy/', 'protocol/'], node: 'any', npm: ['jsonc-parser', '@decimalturn/toml-patch'] },
  review: { imports: ['protocol/webviewMessages.ts', 'webview/visible.ts', 'policy/paths/containment.ts', 'audit/summary.ts', 'audit/redact.ts'], types: ['policy/', 'protocol/', 'audit/'], node: 'no-disk-processes-or-sockets', npm: ['diff', 'picomatch'] },
  sandbox: { imports: ['policy/', 'ipc/'], types: [], node: 'any', npm: [] },
  gate: { imports: ['sandbox/', 'policy/', 'protocol/', 'ipc/', 'audit/', 'agents/', 'lint/', 'review/'], types: [], node: 'any', npm: 'any' },
  cli: { imports: ['sandbox/', 'gate/', 'policy/', 'protocol/', 'ipc/', 'agents/', 'audit/'], types: [], node: 'any', npm: 'any' },
  extension: { imports: ['sandbox/', 'agents/', 'audit/', 'ipc/', 'protocol/', 'review/', 'policy/paths/containment.ts'], types: ['policy/'], node: 'any', npm: 'any' },
  webview: { imports: ['protocol/webviewMessages.ts', 'protocol/auditLogMessages.ts'], types: ['protocol/', 'policy/'], node: 'none', npm: ['@vscode-elements/elements'] },
};

/** npm packages that belong to one layer: VS Code's API to the extension, the LSP ends to their process. */
const OWNED_PACKAGES = { vscode: 'extension', 'vscode-languageclient': 'extension', 'vscode-languageserver': 'gate' };

/** Node modules the policy never uses: it judges commands, it does not run them or talk to anyone. */
const POLICY_FORBIDDEN_NODE = ['child_process', 'net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'cluster', 'worker_threads', 'inspector', 'vm'];
/** The only policy files that touch the file system: the real world and the grammar loader. */
export const POLICY_FS_FILES = ['world/', 'shell/wasm.ts', 'shell/offMallocRead.ts'];

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `audit/` → a folder prefix, `webview/visible.ts` → that file. */
const under = (entries) => `^src/(${entries.map((e) => (e.endsWith('/') ? esc(e) : `${esc(e)}$`)).join('|')})`;
const NODE_MODULES = '(^|/)node_modules/';
const TYPE_ONLY = ['type-only', 'pre-compilation-only'];
const CORE = (names) => `^(node:)?(${names.join('|')})(/|$)`;

function layerRules(name, layer) {
  const from = { path: `^src/${name}/` };
  const rules = [
    {
      name: `layer-${name}`,
      comment: `src/${name} may import only ${[...layer.imports, ...layer.types].join(', ') || 'itself'} (ARCHITECTURE.md, Layers)`,
      severity: 'error',
      from,
      to: { path: '^src/', pathNot: under([`${name}/`, ...layer.imports, ...layer.types]) },
    },
  ];
  if (layer.types.length > 0) {
    const runtime = layer.imports.length > 0 ? { pathNot: under(layer.imports) } : {};
    rules.push({
      name: `layer-${name}-types-only`,
      comment: `src/${name} imports ${layer.types.join(', ')} only as types (import type)`,
      severity: 'error',
      from,
      to: { path: under(layer.types), ...runtime, dependencyTypesNot: TYPE_ONLY },
    });
  }
  if (layer.node === 'none') {
    rules.push({ name: `layer-${name}-no-node`, comment: `src/${name} uses no Node module`, severity: 'error', from, to: { dependencyTypes: ['core'] } });
  } else if (layer.node === 'no-processes-or-sockets' || layer.node === 'no-disk-processes-or-sockets') {
    rules.push({
      name: `layer-${name}-no-processes-or-sockets`,
      comment: `src/${name} starts no process and opens no socket`,
      severity: 'error',
      from,
      to: { dependencyTypes: ['core'], path: CORE(POLICY_FORBIDDEN_NODE) },
    });
    // The review core gets the disk from its host (an interface the extension fills), so tests hand it a fake one.
    if (layer.node === 'no-disk-processes-or-sockets') {
      rules.push({ name: `layer-${name}-no-disk`, comment: `src/${name} reads no disk itself: the host passes it in`, severity: 'error', from, to: { dependencyTypes: ['core'], path: CORE(['fs', 'fs/promises']) } });
    }
  }
  if (layer.npm !== 'any') {
    rules.push({
      name: `layer-${name}-npm`,
      comment: layer.npm.length === 0 ? `src/${name} uses no npm package` : `src/${name} uses only the npm packages ${layer.npm.join(', ')}`,
      severity: 'error',
      from,
      to: layer.npm.length === 0 ? { path: NODE_MODULES } : { path: NODE_MODULES, pathNot: `${NODE_MODULES}(@types/)?(${layer.npm.map(esc).join('|')})/` },
    });
  }
  return rules;
}

export const forbidden = [
  ...Object.entries(LAYERS).flatMap(([name, layer]) => layerRules(name, layer)),
  {
    name: 'layer-policy-disk',
    comment: 'the policy reads the disk only through world/ (and the grammar loader)',
    severity: 'error',
    from: { path: '^src/policy/', pathNot: under(POLICY_FS_FILES.map((e) => `policy/${e}`)) },
    to: { dependencyTypes: ['core'], path: CORE(['fs', 'fs/promises']) },
  },
  ...Object.entries(OWNED_PACKAGES).map(([pkg, owner]) => ({
    name: `only-${owner}-imports-${pkg}`,
    comment: `only src/${owner} imports ${pkg}`,
    severity: 'error',
    from: { pathNot: `^src/${owner}/` },
    to: { path: `(${NODE_MODULES}(@types/)?${esc(pkg)}/|^${esc(pkg)}$)` },
  })),
  {
    name: 'layer-unknown',
    comment: 'every folder of src/ is a layer of the table (add a new one to LAYERS and to ARCHITECTURE.md)',
    severity: 'error',
    from: { path: '^src/', pathNot: `^src/(${Object.keys(LAYERS).join('|')})/` },
    to: {},
  },
];

/** Dependency types of an import that leaves nothing at run time (`import type`, names used only as types). */
export const TYPE_ONLY_DEPENDENCY = TYPE_ONLY;

export const options = {
  doNotFollow: { path: NODE_MODULES },
  // Type imports are dependencies too (they couple layers), marked so cycles can be checked on run-time imports.
  tsPreCompilationDeps: 'specify',
};
