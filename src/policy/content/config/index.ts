// Configuration judged by meaning: the new text is parsed (YAML, JSON, HCL, Dockerfile instructions), each family's
// detectors say what it allows, and only what the change adds or worsens is reported. "Before" is the old file when
// it is known (a write over an existing file, an edit whose file could be read), or the replaced fragment of an edit;
// findings present in both (by identity, not position) are the file's existing state, not this change's doing, so
// editing an unrelated line of a file that already runs a privileged pod raises nothing here (the path rule still
// shows build/CI/deploy config for review). Protections present before and gone after (a permissions: block, a
// public-access block, runAsNonRoot, a Deny statement) are findings too.
// When the text does not parse (an edit's fragment that is not a whole document), the caller keeps the line rules.
import { readHcl } from './hcl';
import { managedPolicyFindings, policyStatements } from './iamPolicy';
import { kubernetesFindings } from './kubernetes';
import { cloudFormationFindings, looksLikeCloudFormation, propertyFindings } from './cloudformation';
import { composeFindings, devcontainerFindings, runArgFindings } from './containers';
import { dockerfileFindings } from './dockerfile';
import { declaredResourceFindings, terraformFindings } from './terraform';
import { openCidr } from './network';
import { Findings, get, isMapN, lineOf, str, strs, truthy, readJson, readYaml, walk, type Analysis, type PNode } from './tree';
import { gitlabFindings, githubWorkflowFindings, looksLikeGithubWorkflow } from './workflows';
import type { RuleId } from '../../reasons';
import type { Risk } from '../../types';

export interface ConfigFile {
  /** Lower-case base name. */
  base: string;
  /** Lower-case extension without the dot. */
  ext: string;
  /** Forward-slash path. */
  path: string;
}

export interface ConfigHit {
  rule: RuleId;
  message: string;
  /** Offsets in the new text; -1 when the finding is about something the new text no longer has. */
  start: number;
  end: number;
  risk?: Risk;
}

type Family = 'dockerfile' | 'hcl' | 'structured';

export function familyOf(f: ConfigFile): Family | undefined {
  if (/^(?:dockerfile|containerfile)(?:\..*)?$/.test(f.base) || f.ext === 'dockerfile' || f.ext === 'containerfile') return 'dockerfile';
  if (f.base.endsWith('.tf.json')) return 'structured';
  if (f.ext === 'tf' || f.ext === 'hcl' || f.ext === 'tfvars') return 'hcl';
  if (['yaml', 'yml', 'json', 'jsonc', 'template'].includes(f.ext)) return 'structured';
  return undefined;
}

const isWorkflowPath = (f: ConfigFile) => /\/\.(?:github|gitea|forgejo)\/workflows\/[^/]+\.ya?ml$/i.test(f.path);
const isGitlab = (f: ConfigFile) => /(?:^|\/)\.gitlab-ci\.ya?ml$|\/\.gitlab\/ci\/[^/]+\.ya?ml$/i.test(f.path);
const isCompose = (f: ConfigFile) => /^(?:docker-)?compose(?:[.-][\w-]+)*\.ya?ml$/.test(f.base);
const isDevcontainer = (f: ConfigFile) => /(?:^|\/)\.?devcontainer(?:\.json|\/[^/]*\.json)$/.test(f.path);

/**
 * A Helm template with its `{{ … }}` actions blanked to the same length (offsets stay true): lines that are only
 * an action become blank, inline actions a placeholder word. Undefined when there is nothing to blank.
 */
function blankTemplates(text: string): string | undefined {
  if (!/(?<!\$)\{\{/.test(text)) return undefined;
  return text
    .replace(/^([ \t]*)(?:-[ \t]*)?(\{\{-?[\s\S]*?-?\}\}[ \t]*)+$/gm, (m) => ' '.repeat(m.length))
    .replace(/(?<!\$)\{\{[\s\S]*?\}\}/g, (m) => 'x'.repeat(m.length).replace(/^x/, 'T'));
}

/** YAML/JSON documents of the text; for a fragment, also tried with its first line re-indented like the rest. */
function documents(text: string, f: ConfigFile, fragment: boolean): { docs: PNode[]; shift: number } | undefined {
  const parsed = documentsOf(text, f, fragment);
  if (parsed) return parsed;
  const blank = blankTemplates(text);
  return blank === undefined ? undefined : documentsOf(blank, f, fragment);
}

function documentsOf(text: string, f: ConfigFile, fragment: boolean): { docs: PNode[]; shift: number } | undefined {
  const json = f.ext === 'json' || f.ext === 'jsonc' || (f.ext === 'template' && /^\s*\{/.test(text));
  if (json) {
    const doc = readJson(text);
    if (doc) return { docs: [doc], shift: 0 };
    if (!fragment) return undefined;
    // `"Action": "*", "Resource": "*"` cut out of an object.
    const wrapped = readJson(`{${text.trim().replace(/,\s*$/, '')}}`, -1 - (text.length - text.trimStart().length));
    return wrapped ? { docs: [wrapped], shift: 0 } : undefined;
  }
  const docs = readYaml(text);
  if (docs) return { docs, shift: 0 };
  if (!fragment) return undefined;
  // An edit's new_string often starts mid-line: `securityContext:\n          privileged: true`.
  const lines = text.split('\n');
  const rest = lines.slice(1).filter((l) => l.trim());
  if (rest.length === 0 || /^\s/.test(lines[0] ?? '')) return undefined;
  const indent = Math.min(...rest.map((l) => /^ */.exec(l)![0].length));
  if (!Number.isFinite(indent) || indent === 0) return undefined;
  const shifted = readYaml(' '.repeat(indent) + text);
  return shifted ? { docs: shifted, shift: indent } : undefined;
}

/** A workflow fragment (a job, a step list, a step) placed where the workflow detectors look. */
function workflowShape(doc: PNode): PNode {
  if (looksLikeGithubWorkflow(doc)) return doc;
  const at = { start: doc.start, end: doc.end };
  const job = (body: PNode): PNode => ({ t: 'map', ...at, entries: [...(isMapN(doc) ? doc.entries.filter((e) => e.key === 'on' || e.key === 'permissions' || e.key === 'env') : []), { key: 'jobs', keyStart: doc.start, value: { t: 'map', ...at, entries: [{ key: '(edited)', keyStart: doc.start, value: body }] } }] });
  // A trigger edited on its own (`pull_request_target:` under `on:`, or `[push, workflow_run]`).
  const triggerNames = isMapN(doc) ? doc.entries.map((e) => e.key) : strs(doc).map((x) => x.s);
  if (triggerNames.some((t) => /^(?:pull_request_target|workflow_run|issue_comment)$/.test(t)) && !(isMapN(doc) && get(doc, 'on') !== undefined)) {
    return { t: 'map', ...at, entries: [{ key: 'on', keyStart: doc.start, value: doc }] };
  }
  // `contents: write` edited inside a permissions block.
  if (isMapN(doc) && doc.entries.length > 0 && doc.entries.every((e) => /^(?:read|write|none)$/i.test(str(e.value) ?? ''))) {
    return { t: 'map', ...at, entries: [{ key: 'permissions', keyStart: doc.start, value: doc }] };
  }
  if (doc.t === 'list') return job({ t: 'map', ...at, entries: [{ key: 'steps', keyStart: doc.start, value: doc }] });
  const reusable = /\.github\/workflows\/|^\.\/.*\.ya?ml/.test(str(get(doc, 'uses')) ?? '');
  if (isMapN(doc) && (get(doc, 'run') !== undefined || (get(doc, 'uses') !== undefined && !reusable && get(doc, 'steps') === undefined && get(doc, 'runs-on') === undefined))) {
    return job({ t: 'map', ...at, entries: [{ key: 'steps', keyStart: doc.start, value: { t: 'list', ...at, items: [doc] } }] });
  }
  if (isMapN(doc) && (get(doc, 'steps') !== undefined || get(doc, 'runs-on') !== undefined || reusable)) return job(doc);
  if (isMapN(doc) && doc.entries.length > 0 && doc.entries.every((e) => isMapN(e.value) && (get(e.value, 'steps') !== undefined || get(e.value, 'runs-on') !== undefined || get(e.value, 'uses') !== undefined))) {
    return { t: 'map', ...at, entries: [{ key: 'jobs', keyStart: doc.start, value: doc }] };
  }
  return job({ t: 'map', ...at, entries: [] });
}

function structured(text: string, f: ConfigFile, fragment: boolean): Analysis | undefined {
  const parsed = documents(text, f, fragment);
  if (!parsed) return undefined;
  const src = parsed.shift ? ' '.repeat(parsed.shift) + text : text;
  const out = new Findings();
  for (const doc of parsed.docs) {
    if (isWorkflowPath(f) || looksLikeGithubWorkflow(doc)) {
      githubWorkflowFindings(src, isWorkflowPath(f) && fragment ? workflowShape(doc) : doc, out, fragment);
    }
    if (isGitlab(f)) gitlabFindings(src, doc, out);
    if (looksLikeCloudFormation(doc)) cloudFormationFindings(doc, out);
    else {
      propertyFindings(doc, out);
      const kind = str(get(doc, 'kind')) ?? '';
      if (!isWorkflowPath(f) && !isGitlab(f) && !/^(?:NetworkPolicy|Service|Ingress)$/.test(kind) && !f.base.endsWith('.tf.json')) declaredResourceFindings(doc, out, '');
    }
    if (isCompose(f) || (isMapN(doc) && isMapN(get(doc, 'services')) && !looksLikeCloudFormation(doc))) composeFindings(doc, out);
    if (isDevcontainer(f)) devcontainerFindings(doc, out);
    else {
      // `docker run` arguments in any other list (a VS Code task, a launch config).
      walk(doc, (n) => {
        if (n.t === 'list' && n.items.some((i) => i.t === 'scalar' && typeof i.v === 'string' && i.v.startsWith('--'))) runArgFindings(n, out, '');
      });
    }
    if (f.base.endsWith('.tf.json') && isMapN(doc)) terraformFindings(doc, out);
    kubernetesFindings(doc, out);
    allowListFindings(doc, out);
    serverlessFindings(doc, out);
    policyStatements(doc, out);
    managedPolicyFindings(doc, out);
  }
  if (out.findings.some((x) => /Tx{2,}/.test(x.message))) {
    // Names that were Helm actions: say so, and keep identities stable whatever the action's length.
    const tidy = (s: string) => s.replace(/\bTx+\b/g, '{{…}}');
    out.findings = out.findings.map((x) => ({ ...x, message: tidy(x.message), key: tidy(x.key) }));
    out.guards = out.guards.map((g) => ({ ...g, message: tidy(g.message), key: tidy(g.key) }));
  }
  if (parsed.shift) {
    const s = parsed.shift;
    out.findings = out.findings.map((x) => ({ ...x, start: x.start < 0 ? x.start : Math.max(0, x.start - s), end: x.end < 0 ? x.end : Math.max(0, x.end - s) }));
    out.guards = out.guards.map((g) => (g.start === undefined ? g : { ...g, start: Math.max(0, g.start - s) }));
  }
  return out;
}

const YAML_ALLOW_LIST = /^(?:loadBalancerSourceRanges|sourceRanges|source_ranges|allowedCidrs?|allowed_cidrs?|allowedIps|allowed_ips|ipAllowList|ipWhitelist|ip_whitelist|whitelist|allowlist|authorizedNetworks|ingressCidrs?|ingress_cidrs?|sourceAddressPrefix(?:es)?|sourceIpRanges)$|(?:whitelist|allowlist)-source-range$/i;

/** Allow-lists by key name in any YAML/JSON (Helm values, ingress annotations, app firewall config). */
function allowListFindings(doc: PNode, out: Findings): void {
  if (/^(?:NetworkPolicy|Service)$/.test(str(get(doc, 'kind')) ?? '')) return;
  walk(doc, (n, path) => {
    if (!isMapN(n) || path.some((p) => /egress|outbound/i.test(p))) return;
    for (const e of n.entries) {
      if (!YAML_ALLOW_LIST.test(e.key)) continue;
      const values = strs(e.value).flatMap((x) => x.s.split(',').map((s) => ({ s: s.trim(), node: x.node })));
      const open = values.find((x) => openCidr(x.s) && x.s !== '0.0.0.0');
      if (open) out.add('content.network-open', open.node, `allows ${e.key}: ${open.s} (the whole internet).`, `named|${path.join('.')}|${e.key}|${open.s}`);
    }
  });
}

/** serverless.yml functions with a function URL and no authorizer (the framework's default is none). */
function serverlessFindings(doc: PNode, out: Findings): void {
  const fns = get(doc, 'functions');
  if (!isMapN(fns)) return;
  for (const e of fns.entries) {
    const url = get(e.value, 'url');
    if (!url || get(e.value, 'handler') === undefined && get(e.value, 'image') === undefined) continue;
    const auth = str(get(url, 'authorizer'));
    if (truthy(url) || (isMapN(url) && (!auth || /^none$/i.test(auth)))) out.add('content.public-access', url, `function ${e.key}: exposes a function URL with no authentication.`, `sls-url|${e.key}`);
  }
}

/** What one text allows, or undefined when it is not a configuration this module reads. */
export function analyze(text: string, f: ConfigFile, fragment: boolean): Analysis | undefined {
  const family = familyOf(f);
  if (!family) return undefined;
  if (family === 'dockerfile') {
    const out = new Findings();
    dockerfileFindings(text, out);
    return out;
  }
  if (family === 'hcl') {
    const root = readHcl(text);
    if (!root) return undefined;
    const out = new Findings();
    terraformFindings(root, out);
    return out;
  }
  return structured(text, f, fragment);
}

/** Text nested deeper than the stack (`[[[[…` thousands deep) is not configuration to judge: the line rules do. */
function safely(run: () => Analysis | undefined): Analysis | undefined {
  try {
    return run();
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/** Keys counted, so two identical findings before and three after report one. */
function counts(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/**
 * Findings of the new text that the old text did not have, plus protections the old text had and the new lacks.
 * Undefined when the new text is not a configuration this module can read: the caller falls back to line rules.
 */
export function configChangeHits(after: string, f: ConfigFile, before: string | undefined, fragment: boolean): ConfigHit[] | undefined {
  const now = safely(() => analyze(after, f, fragment));
  if (!now) return undefined;
  const then = before !== undefined && before.trim() !== '' ? safely(() => analyze(before, f, fragment)) : undefined;
  const had = counts(then?.findings.map((x) => x.key) ?? []);
  // An old text that does not parse (a file being repaired) is compared line by line instead.
  const oldLines = before !== undefined && !then ? new Set(before.split('\n').map((l) => l.trim()).filter(Boolean)) : undefined;
  // A fragment's line numbers count from the fragment, not the file.
  const lineWord = (n: number, which: 'new' | 'old') => (fragment ? `line ${n} of the ${which} text` : which === 'new' ? `line ${n}` : `line ${n} of the old text`);
  const out: ConfigHit[] = [];
  const seen = new Set<string>();
  for (const x of now.findings) {
    const n = had.get(x.key) ?? 0;
    if (n > 0) {
      had.set(x.key, n - 1);
      continue;
    }
    // One reason per line and meaning (a rule repeated by two detectors, or a block scalar's lines).
    const line = x.start >= 0 ? lineOf(after, x.start) : 0;
    if (oldLines && line) {
      const text = after.split('\n')[line - 1]?.trim();
      if (text && oldLines.has(text)) continue;
    }
    const id = `${line}|${x.rule}|${x.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const hit: ConfigHit = { rule: x.rule, message: line ? `${lineWord(line, 'new')}: ${x.message}` : x.message, start: x.start, end: x.end };
    if (x.risk) hit.risk = x.risk;
    out.push(hit);
  }
  if (then && before !== undefined) {
    const kept = new Set(now.guards.map((g) => g.key));
    const reported = new Set<string>();
    for (const g of then.guards) {
      if (kept.has(g.key) || reported.has(g.key)) continue;
      reported.add(g.key);
      const where = g.start !== undefined && g.start >= 0 ? `${lineWord(lineOf(before, g.start), 'old')}: ` : '';
      out.push({ rule: g.rule, message: `${where}${g.message.charAt(0).toUpperCase()}${g.message.slice(1)}`, start: -1, end: -1 });
    }
  }
  return out;
}
