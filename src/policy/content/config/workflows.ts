// CI workflows (GitHub Actions, Gitea/Forgejo, GitLab CI): token permissions widened or their block removed, secrets
// sent out (toJSON(secrets), a secret in a URL or request body, printed, encoded, dumped with the environment),
// untrusted pull-request code run with secrets (pull_request_target + checkout of the PR head), untrusted event
// text spliced into a shell script, every secret passed to another repository's reusable workflow.
// `permissions: contents: read` and a secret used as NODE_AUTH_TOKEN for `npm publish` are ordinary.
import { entryOf, Findings, get, isListN, isMapN, items, str, strs, truthy, type PNode } from './tree';

/** Scopes whose write access publishes code, packages, releases, cloud credentials or workflow changes. */
const HIGH_SCOPES = new Set(['contents', 'id-token', 'actions', 'packages', 'deployments', 'security-events', 'attestations', 'administration', 'workflows']);

const UNTRUSTED_TRIGGERS = new Set(['pull_request_target', 'workflow_run', 'issue_comment']);

/** Event fields an outside contributor controls. */
const UNTRUSTED_INPUT = /github\.(?:event\.(?:issue\.(?:title|body)|pull_request\.(?:title|body|head\.(?:ref|label|repo\.(?:default_branch|name|full_name)))|comment\.body|review\.body|review_comment\.body|discussion\.(?:title|body)|head_commit\.(?:message|author\.(?:email|name))|commits\b[^}]*\.(?:message|author)|pages\b[^}]*\.page_name|workflow_run\.(?:head_branch|head_commit\.message|display_title))|head_ref)/;

const PR_HEAD = /github\.event\.pull_request\.head\.(?:sha|ref|repo\.full_name)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|refs\/pull\/|github\.event\.issue\.number|github\.event\.number|\bpull\/\$\{\{/;

function triggers(doc: PNode): Set<string> {
  const on = get(doc, 'on', 'true');
  const out = new Set<string>();
  if (!on) return out;
  if (isMapN(on)) for (const e of on.entries) out.add(e.key);
  else for (const s of strs(on)) out.add(s.s);
  return out;
}

interface Script {
  text: string;
  node: PNode;
}

/** Offset of one line of a script inside the source (block scalars lose their indentation in the value). */
function lineAt(src: string, node: PNode, line: string): { start: number; end: number } {
  const t = line.trim();
  const i = t ? src.indexOf(t, node.start) : -1;
  return i >= 0 && i < node.end + 1 ? { start: i, end: i + t.length } : { start: node.start, end: node.end };
}

/** Commands that carry data off the machine. */
const SENDERS = /(?:^|[\s;|&(`$])(?:curl|wget|nc|ncat|netcat|socat|telnet|http|https|xh|httpie|Invoke-WebRequest|Invoke-RestMethod|iwr|irm|scp|rsync|ftp|sftp|openssl\s+s_client|ssh|nslookup|dig|gh\s+(?:gist|api|issue|pr\s+comment))\b/i;
/** The secret sits in an authentication option's value (a header, a user:password), the ordinary way to use it. */
const AUTH_OPTION = /(?:^|\s)(?:-H|--header|-u|--user|--oauth2-bearer|--password|--http-password|--http-user|-Headers|--auth|-a)(?:=|\s+)(?:"[^"]*|'[^']*|[^\s"']*)$/i;
const PRINTERS = /(?:^|[\s;|&(])(?:echo|printf|cat\s+<<<|Write-(?:Host|Output)|print)\b/;
/** Encoding a secret hides it from log masking; decoding one into a file (`base64 -d > key.json`) is ordinary. */
const ENCODERS = /\b(?:base64(?!\s+(?:-d|--decode|-D|-di))|base32(?!\s+(?:-d|--decode))|xxd(?!\s+-r)|od|hexdump|rev|openssl\s+enc(?![^|]*\s-d\b)|gzip|sed\s+['"]?s\/\.\/)/;
const DUMPS = /^(?:env|printenv|set|export(?:\s+-p)?|declare\s+-p|compgen\s+-v|Get-ChildItem\s+env:|gci\s+env:|dir\s+env:)\s*(?:$|[|>;&])/i;

function secretRefs(line: string, secretVars: Set<string>): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)) {
    const e = m[1]!;
    if (/\bsecrets\.|\bsecrets\[/.test(e)) out.push(m[0]);
    else {
      const env = /^env\.(\w+)$/.exec(e);
      if (env && secretVars.has(env[1]!)) out.push(m[0]);
    }
  }
  for (const m of line.matchAll(/\$\{?(\w+)\}?|\$env:(\w+)/g)) if (secretVars.has(m[1] ?? m[2]!)) out.push(m[0]);
  return out;
}

function judgeLine(line: string, secretVars: Set<string>, anySecretEnv: boolean, f: Findings, at: { start: number; end: number }, where: string): void {
  const l = line.trim();
  if (!l || l.startsWith('#')) return;
  const refs = secretRefs(l, secretVars);
  if (anySecretEnv && DUMPS.test(l)) f.add('content.workflow-secrets', at, `${where}dumps the environment, secrets included, into the job log (${l.split(/\s/)[0]}).`, `${where}|dump|${l}`);
  if (refs.length === 0) return;
  const ref = refs[0]!;
  if (SENDERS.test(l)) {
    const before = l.slice(0, l.indexOf(ref));
    // A secret that is the whole URL argument (a webhook URL kept as a secret) is where the request goes, not
    // what it carries.
    const bare = before.replace(/["']$/, '');
    const prev = bare.trim().split(/\s+/).pop() ?? '';
    const destination = /\s$/.test(bare) && !/^-/.test(prev) && /^["']?\s*$/.test(l.slice(l.indexOf(ref) + ref.length).split(/\s/)[0] ?? '');
    if (destination) return;
    const inAuth = AUTH_OPTION.test(before);
    const host = /https?:\/\/([^/\s"'$]+)/.exec(l)?.[1];
    if (!inAuth) f.add('content.workflow-secrets', at, `${where}sends the secret ${ref} over the network${host ? ` to ${host}` : ''} in a URL or body.`, `${where}|send|${l}`);
    return;
  }
  if (ENCODERS.test(l)) {
    f.add('content.workflow-secrets', at, `${where}encodes the secret ${ref}, which defeats log masking.`, `${where}|encode|${l}`);
    return;
  }
  if (PRINTERS.test(l) && !/::add-mask::/.test(l)) {
    const rest = l.slice(l.indexOf(ref) + ref.length);
    const piped = /\|\s*\S/.test(rest) && !/\|\s*(?:tee\b(?!\s+-a\s+\$GITHUB)|cat\b)/.test(rest);
    const redirected = />{1,2}\s*\S/.test(rest);
    if (!piped && !redirected) f.add('content.workflow-secrets', at, `${where}prints the secret ${ref} into the job log.`, `${where}|print|${l}`);
  }
}

function scriptFindings(src: string, s: Script, secretVars: Set<string>, anySecretEnv: boolean, f: Findings, where: string, untrusted: boolean): void {
  const joined = s.text.replace(/\\\r?\n/g, ' ');
  for (const line of joined.split('\n')) {
    judgeLine(line, secretVars, anySecretEnv, f, lineAt(src, s.node, line), where);
    for (const m of line.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)) {
      if (UNTRUSTED_INPUT.test(m[1]!)) f.add('content.workflow-secrets', lineAt(src, s.node, line), `${where}splices ${m[0]} (text anyone can set) into a shell script: a command injection with this job's token${untrusted ? ' and secrets' : ''}.`, `${where}|inject|${m[1]}`);
    }
    if (untrusted && /\bgh\s+pr\s+checkout\b|\bgit\s+(?:fetch|checkout|pull)\b[^\n]*(?:pull\/|head_ref|head\.ref|head\.sha|head_sha)/.test(line)) f.add('content.workflow-secrets', lineAt(src, s.node, line), `${where}checks out pull-request code in a workflow that has the repository's secrets and write token.`, `${where}|pr-checkout|${line.trim()}`);
  }
}

function envSecrets(env: PNode | undefined, into: Set<string>): void {
  if (!isMapN(env)) return;
  for (const e of env.entries) if (/\bsecrets\b/.test(str(e.value) ?? '')) into.add(e.key);
}

function permissionFindings(p: PNode | undefined, f: Findings, where: string, scope: string): void {
  if (!p) return;
  const l = where;
  const s = str(p);
  if (s !== undefined) {
    if (/^write-all$/i.test(s.trim())) f.add('content.workflow-permissions', p, `${l}gives the workflow token write access to everything (permissions: write-all).`, `${scope}|write-all`);
    return;
  }
  if (!isMapN(p)) return;
  for (const e of p.entries) {
    if (!/^write$/i.test(str(e.value) ?? '')) continue;
    f.add('content.workflow-permissions', e.value, `${l}gives the workflow token ${e.key}: write.`, `${scope}|${e.key}`, HIGH_SCOPES.has(e.key) ? undefined : 'review');
  }
}

/** Where a key is written (a removed block is named by its key's line). */
function keyAt(n: PNode, key: string): { start: number; end: number } | undefined {
  const e = entryOf(n, key);
  return e ? { start: e.keyStart, end: e.keyStart + key.length } : undefined;
}

function allStrings(n: PNode, fn: (s: string, node: PNode) => void): void {
  if (n.t === 'scalar') {
    if (typeof n.v === 'string') fn(n.v, n);
  } else if (n.t === 'list') n.items.forEach((i) => allStrings(i, fn));
  else n.entries.forEach((e) => allStrings(e.value, fn));
}

/** One GitHub Actions workflow document. */
export function githubWorkflowFindings(src: string, doc: PNode, f: Findings, fragment = false): void {
  if (!isMapN(doc)) return;
  const on = triggers(doc);
  const untrusted = [...on].some((t) => UNTRUSTED_TRIGGERS.has(t));
  const jobs = get(doc, 'jobs');
  permissionFindings(get(doc, 'permissions'), f, '', 'top');
  if (get(doc, 'permissions')) f.guard('content.workflow-permissions', 'block|top', "removes the workflow's permissions: block, so the token falls back to the repository default (often write-all).", keyAt(doc, 'permissions'));
  const topSecrets = new Set<string>();
  envSecrets(get(doc, 'env'), topSecrets);
  // Every secret at once, wherever it is spliced.
  allStrings(doc, (s, node) => {
    const m = /\$\{\{[^}]*\b(?:toJSON|tojson|toJson|fromJSON|format|join)\s*\(\s*secrets\s*[,)][^}]*\}\}|\$\{\{\s*secrets\s*\}\}/i.exec(s);
    if (m) f.add('content.workflow-secrets', lineAt(src, node, m[0]), `passes every repository secret at once (${m[0]}).`, `all-secrets|${m[0]}`);
    if (/ACTIONS_ALLOW_UNSECURE_COMMANDS/.test(s)) f.add('content.workflow-secrets', node, 're-enables the insecure set-env/add-path workflow commands (ACTIONS_ALLOW_UNSECURE_COMMANDS).', 'unsecure-commands');
  });
  const envUnsecure = (env: PNode | undefined) => {
    if (!isMapN(env)) return;
    const e = env.entries.find((x) => x.key === 'ACTIONS_ALLOW_UNSECURE_COMMANDS');
    if (e && truthy(e.value)) f.add('content.workflow-secrets', e.value, 're-enables the insecure set-env/add-path workflow commands (ACTIONS_ALLOW_UNSECURE_COMMANDS: true).', 'unsecure-commands');
  };
  envUnsecure(get(doc, 'env'));
  if (untrusted) {
    const t = [...on].filter((x) => UNTRUSTED_TRIGGERS.has(x)).join(', ');
    const onNode = get(doc, 'on', 'true');
    // A whole workflow that never runs the pull request's code is the documented safe use (review); in an edit's
    // fragment the rest of the workflow is unknown.
    f.add('content.workflow-permissions', onNode, `runs on ${t}, with the repository's secrets and a write token for events outsiders can trigger.`, `trigger|${t}`, fragment ? undefined : 'review');
  }
  if (!isMapN(jobs)) return;
  for (const j of jobs.entries) {
    const job = j.value;
    const where = `job ${j.key}: `;
    permissionFindings(get(job, 'permissions'), f, where, `job|${j.key}`);
    if (get(job, 'permissions')) f.guard('content.workflow-permissions', `block|job|${j.key}`, `removes the permissions: block of job ${j.key}, so its token falls back to a wider default.`, keyAt(job, 'permissions'));
    const uses = str(get(job, 'uses'));
    const sec = get(job, 'secrets');
    if (uses && !uses.startsWith('./') && /^inherit$/i.test(str(sec) ?? '')) f.add('content.workflow-secrets', sec, `${where}passes every secret to another repository's workflow (${uses}, secrets: inherit).`, `inherit|${j.key}|${uses}`);
    const jobSecrets = new Set(topSecrets);
    envSecrets(get(job, 'env'), jobSecrets);
    envUnsecure(get(job, 'env'));
    const runsOn = strs(get(job, 'runs-on')).map((x) => x.s);
    if (runsOn.some((r) => /self-hosted/i.test(r)) && (on.has('pull_request') || untrusted)) f.add('content.workflow-permissions', get(job, 'runs-on'), `${where}runs pull-request code on a self-hosted runner, which keeps state between jobs.`, `selfhosted|${j.key}`, 'review');
    for (const step of items(get(job, 'steps'))) {
      if (!isMapN(step)) continue;
      const stepSecrets = new Set(jobSecrets);
      envSecrets(get(step, 'env'), stepSecrets);
      envUnsecure(get(step, 'env'));
      const su = str(get(step, 'uses')) ?? '';
      const w = get(step, 'with');
      if (untrusted && /^actions\/checkout@/i.test(su)) {
        const ref = [str(get(w, 'ref')), str(get(w, 'repository'))].filter(Boolean).join(' ');
        if (PR_HEAD.test(ref)) f.add('content.workflow-secrets', get(w, 'ref') ?? get(w, 'repository') ?? step, `${where}checks out the pull request's code (${ref}) in a ${[...on].filter((x) => UNTRUSTED_TRIGGERS.has(x)).join('/')} workflow, which has the repository's secrets and write token.`, `pr-checkout|${j.key}|${ref}`);
      }
      const run = get(step, 'run');
      const text = str(run);
      if (run && text !== undefined) scriptFindings(src, { text, node: run }, stepSecrets, stepSecrets.size > 0, f, where, untrusted);
      // actions/github-script and similar take code in `with.script`.
      const script = get(w, 'script');
      const st = str(script);
      if (script && st !== undefined) {
        for (const m of st.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)) if (UNTRUSTED_INPUT.test(m[1]!)) f.add('content.workflow-secrets', lineAt(src, script, m[0]), `${where}splices ${m[0]} (text anyone can set) into a script.`, `${where}|inject|${m[1]}`);
      }
    }
  }
}

const GITLAB_RESERVED = new Set(['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'before_script', 'after_script', 'cache']);

/** One .gitlab-ci.yml document: job scripts that send the job token or other secret variables out, or dump them. */
export function gitlabFindings(src: string, doc: PNode, f: Findings): void {
  if (!isMapN(doc)) return;
  const secretish = /\$\{?(CI_JOB_TOKEN|CI_REGISTRY_PASSWORD|CI_DEPLOY_PASSWORD|[A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY|ACCESS_KEY)[A-Z0-9_]*)\}?/;
  const jobs: [string, PNode][] = (doc).entries.filter((e) => !GITLAB_RESERVED.has(e.key) || e.key.endsWith('script')).map((e) => [e.key, e.value]);
  for (const [name, job] of jobs) {
    const lists = GITLAB_RESERVED.has(name) ? [job] : ['script', 'before_script', 'after_script'].map((k) => get(job, k));
    for (const list of lists) {
      if (!list) continue;
      for (const line of isListN(list) ? list.items : [list]) {
        const text = str(line);
        if (text === undefined) continue;
        for (const l of text.replace(/\\\r?\n/g, ' ').split('\n')) {
          const at = lineAt(src, line, l);
          const where = `job ${name}: `;
          if (DUMPS.test(l.trim())) f.add('content.workflow-secrets', at, `${where}dumps every CI variable, secrets included, into the job log.`, `${where}|dump|${l.trim()}`);
          const m = secretish.exec(l);
          if (!m) continue;
          if (SENDERS.test(l)) {
            const before = l.slice(0, l.indexOf(m[0]));
            const host = /https?:\/\/([^/\s"'$]+)/.exec(l)?.[1];
            // A token in an auth header is its ordinary use, except the job token going anywhere but GitLab.
            const toGitlab = /\$\{?CI_(?:API_V4_URL|SERVER_URL|REGISTRY|SERVER_HOST|API_GRAPHQL_URL|PROJECT_URL)|gitlab/i.test(l);
            if (!(AUTH_OPTION.test(before) && (toGitlab || m[1] !== 'CI_JOB_TOKEN'))) f.add('content.workflow-secrets', at, `${where}sends ${m[1]} over the network${host ? ` to ${host}` : ''}.`, `${where}|send|${l.trim()}`);
          } else if (ENCODERS.test(l) || (PRINTERS.test(l) && !/[|>]/.test(l.slice(l.indexOf(m[0]))))) {
            f.add('content.workflow-secrets', at, `${where}prints ${m[1]} into the job log.`, `${where}|print|${l.trim()}`);
          }
        }
      }
    }
  }
}

export function looksLikeGithubWorkflow(doc: PNode): boolean {
  return isMapN(doc) && get(doc, 'jobs') !== undefined && (get(doc, 'on', 'true') !== undefined || items(get(doc, 'jobs')).length > 0);
}
