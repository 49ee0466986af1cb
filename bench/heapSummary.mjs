// Reads a V8 heap snapshot (BENCH_HEAP_SNAPSHOT=FILE node scripts/bench.mjs gate-memory writes one of the gate) and
// prints where the heap goes: self size by node type and by constructor/name, and the biggest retained sizes held by
// named variables (closure and module scopes: a bundle's module-level `var`s live in its top function's context)
// and by object properties, so a table built at load or a cache without a cap shows up under its own name.
//   node bench/heapSummary.mjs FILE [--top=N]
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/heapSummary.mjs FILE.heapsnapshot [--top=N]');
  process.exit(2);
}
const TOP = Number(process.argv.find((a) => a.startsWith('--top='))?.slice(6) ?? 30);
const snap = JSON.parse(readFileSync(file, 'utf8'));
const meta = snap.snapshot.meta;
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const [nType, nName, , nSelf, nEdges] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) => meta.node_fields.indexOf(f));
const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
const { nodes, edges, strings } = snap;
const count = nodes.length / NF;
const KB = (b) => `${(b / 1024).toFixed(0).padStart(7)} KB`;

const type = (i) => nodeTypes[nodes[i * NF + nType]];
const name = (i) => strings[nodes[i * NF + nName]];
const self = (i) => nodes[i * NF + nSelf];

// Edges of node i are a contiguous run; firstEdge[i] is where it starts (in edge records).
const firstEdge = new Uint32Array(count + 1);
for (let i = 0, e = 0; i < count; i++) {
  firstEdge[i] = e;
  e += nodes[i * NF + nEdges];
  firstEdge[i + 1] = e;
}
const edgeType = (e) => edgeTypes[edges[e * EF + eType]];
const edgeTarget = (e) => edges[e * EF + eTo] / NF;
const edgeName = (e) => (edgeType(e) === 'element' || edgeType(e) === 'hidden' ? `[${edges[e * EF + eName]}]` : strings[edges[e * EF + eName]]);
// Weak edges retain nothing; shortcuts are the snapshot's synthetic links from the root to the GC roots' groups.
const retains = (e) => edgeType(e) !== 'weak';

// Dominators (Cooper, Harvey, Kennedy: "A Simple, Fast Dominance Algorithm") over a depth-first postorder from node 0.
const post = new Int32Array(count).fill(-1);
const order = [];
{
  const stack = [0];
  const next = new Uint32Array(count);
  const seen = new Uint8Array(count);
  seen[0] = 1;
  for (let i = 0; i < count; i++) next[i] = firstEdge[i];
  while (stack.length) {
    const v = stack[stack.length - 1];
    let pushed = false;
    while (next[v] < firstEdge[v + 1]) {
      const e = next[v]++;
      if (!retains(e)) continue;
      const w = edgeTarget(e);
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
        pushed = true;
        break;
      }
    }
    if (!pushed) {
      stack.pop();
      post[v] = order.length;
      order.push(v);
    }
  }
}
const preds = Array.from({ length: count }, () => []);
for (let v = 0; v < count; v++) {
  if (post[v] < 0) continue;
  for (let e = firstEdge[v]; e < firstEdge[v + 1]; e++) if (retains(e)) preds[edgeTarget(e)].push(v);
}
const idom = new Int32Array(count).fill(-1);
idom[0] = 0;
for (let changed = true; changed; ) {
  changed = false;
  for (let k = order.length - 2; k >= 0; k--) {
    const v = order[k];
    let d = -1;
    for (const p of preds[v]) {
      if (idom[p] < 0) continue;
      if (d < 0) d = p;
      else {
        let a = p;
        let b = d;
        while (a !== b) {
          while (post[a] < post[b]) a = idom[a];
          while (post[b] < post[a]) b = idom[b];
        }
        d = a;
      }
    }
    if (d >= 0 && idom[v] !== d) {
      idom[v] = d;
      changed = true;
    }
  }
}
const retained = new Float64Array(count);
for (const v of order) retained[v] += self(v);
for (const v of order) if (v !== 0 && idom[v] >= 0) retained[idom[v]] += retained[v];

// 1. Self size by node type, then by type + constructor/name (strings and code grouped, not one line each).
const byType = new Map();
const byName = new Map();
let total = 0;
for (let i = 0; i < count; i++) {
  const t = type(i);
  const s = self(i);
  total += s;
  byType.set(t, (byType.get(t) ?? 0) + s);
  const n = t === 'string' || t === 'concatenated string' || t === 'sliced string' ? `(${t})` : t === 'code' ? `(code) ${name(i).slice(0, 40)}` : t === 'closure' ? '(closure)' : `${t}: ${name(i).slice(0, 60)}`;
  const c = byName.get(n) ?? { size: 0, n: 0 };
  c.size += s;
  c.n++;
  byName.set(n, c);
}
console.log(`heap snapshot: ${count} nodes, ${KB(total)} self size in all`);
console.log('\nself size by node type');
for (const [t, s] of [...byType].sort((a, b) => b[1] - a[1])) console.log(`  ${KB(s)}  ${t}`);
console.log(`\ntop ${TOP} by self size (type: constructor or name)`);
for (const [n, c] of [...byName].sort((a, b) => b[1].size - a[1].size).slice(0, TOP)) console.log(`  ${KB(c.size)}  ${String(c.n).padStart(7)}x  ${n}`);

// 2. Biggest strings (bundle sources, tables as text).
const strs = [];
for (let i = 0; i < count; i++) if (type(i) === 'string' && self(i) > 16 * 1024) strs.push(i);
console.log('\nstrings over 16 KB');
for (const i of strs.sort((a, b) => self(b) - self(a)).slice(0, TOP)) console.log(`  ${KB(self(i))}  ${JSON.stringify(name(i).slice(0, 90))}`);

// 3. Retained size of what a named edge holds (variables of a context, properties of an object), dominated by its
// holder, so each line is memory freed if that one variable or property let go.
const held = [];
for (let v = 0; v < count; v++) {
  for (let e = firstEdge[v]; e < firstEdge[v + 1]; e++) {
    const t = edgeType(e);
    if (t !== 'context' && t !== 'property') continue;
    const w = edgeTarget(e);
    if (idom[w] !== v || retained[w] < 64 * 1024) continue;
    held.push({ size: retained[w], what: `${t === 'context' ? 'var' : 'prop'} ${edgeName(e)} = ${type(w)} ${name(w).slice(0, 50)}`, holder: `${type(v)} ${name(v).slice(0, 40)}` });
  }
}
console.log(`\ntop ${TOP} retained by a named variable or property (over 64 KB)`);
for (const h of held.sort((a, b) => b.size - a.size).slice(0, TOP)) console.log(`  ${KB(h.size)}  ${h.what}   (in ${h.holder})`);
