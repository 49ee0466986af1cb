// `npm run check`'s layer check: the rules of .dependency-cruiser.mjs (the layer table of docs/ARCHITECTURE.md)
// on every import of src/, and no import cycle among run-time imports. dependency-cruiser's API, since its command
// line refuses the Node 20 that VS Code and this project run on.
import { cruise } from 'dependency-cruiser';
import ts from 'typescript';
import { forbidden, options, TYPE_ONLY_DEPENDENCY } from '../.dependency-cruiser.mjs';

const tsConfig = ts.readConfigFile('tsconfig.json', ts.sys.readFile).config;
const result = await cruise(['src'], { ...options, ruleSet: { forbidden }, validate: true, outputType: 'json' }, undefined, { tsConfig });
const graph = JSON.parse(String(result.output));

const problems = graph.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}\n    ${forbidden.find((r) => r.name === v.rule.name)?.comment ?? ''}`);

// One cruise gives both graphs: dependency-cruiser's own `circular` rule would follow type imports too (which
// vanish when compiled), so cycles are found here, on the run-time edges, as strongly connected components.
const runtime = new Map();
for (const m of graph.modules) {
  if (!m.source.startsWith('src/')) continue;
  runtime.set(m.source, m.dependencies.filter((d) => d.resolved.startsWith('src/') && !d.dependencyTypes.some((t) => TYPE_ONLY_DEPENDENCY.includes(t))).map((d) => d.resolved));
}
for (const component of stronglyConnected(runtime)) problems.push(`no-cycles: ${component.join(' ⇄ ')}\n    these modules import each other at run time`);

if (problems.length > 0) {
  process.stderr.write(problems.map((p) => `  error ${p}\n`).join(''));
  process.stderr.write(`Layer check failed (${problems.length}): the rules are in .dependency-cruiser.mjs, the table in docs/ARCHITECTURE.md (Layers).\n`);
  process.exit(1);
}

/** Tarjan's algorithm: every group of two or more modules (or one importing itself) reachable from each other. */
function stronglyConnected(edges) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}
