// The command-line grammar of multi-level CLIs (aws, gcloud, kubectl, gh, docker, terraform …): which options take
// a value, so the real subcommand path is found wherever global options sit (`kubectl -n prod get secret`,
// `aws --profile=prod iam …`, `kubectl -nprod get secret`). An option in neither list is ambiguous: both readings
// (it takes the next word, it does not) are produced, and the caller judges the worse one.
import type { Word } from '../words';

export interface CliGrammar {
  /** Options that take a value: `--profile x`, `--profile=x`, `-n x`, `-nx`, `-n=x`. */
  values: readonly string[];
  /** Options known to take no value. */
  flags?: readonly string[];
  /** First guess for an option in neither list (the other guess is tried as well). */
  unknownTakesValue?: boolean;
  /** Go-style single-dash long options (`-chdir=dir`, `-raw`, `-field=x`): terraform, vault. */
  singleDashLong?: boolean;
  /** Path words that say nothing about what runs (gcloud's `beta`, terragrunt's `run-all`). */
  noise?: RegExp;
}

/** One reading of a command line. */
export interface CliCall {
  /** Positional words before `--`, lower-cased (the command path, then operands); `noise` words left out. */
  path: string[];
  /** The words behind `path`, same order. */
  pathWords: Word[];
  /** Index in the argument list of each `path` word. */
  pathIndex: number[];
  /** Option name (lower-cased, as written: `--profile`, `-n`) → values given (undefined: computed at run time). */
  options: Map<string, (string | undefined)[]>;
  /** Words holding each option's value (for `--x=v` and `-xv`, the option word cut down to its value). */
  optionWords: Map<string, Word[]>;
  /** Index of `--` in the argument list, or -1. */
  dash: number;
}

function text(w: Word): string {
  return w.value ?? w.raw;
}

/** The word cut down to its text from `from` on (the value part of `--opt=value`). */
function tail(w: Word, from: number): Word {
  if (w.value === undefined) return w;
  const p = w.pattern.indexOf('=');
  return { ...w, value: w.value.slice(from), pattern: p >= 0 && w.value[from - 1] === '=' ? w.pattern.slice(p + 1) : w.pattern.slice(from) };
}

function parse(args: readonly Word[], g: CliGrammar, unknownTakesValue: boolean): { call: CliCall; ambiguous: boolean } {
  const values = new Set(g.values);
  const flags = new Set(g.flags ?? []);
  const call: CliCall = { path: [], pathWords: [], pathIndex: [], options: new Map(), optionWords: new Map(), dash: -1 };
  let ambiguous = false;
  const put = (name: string, value: string | undefined, w: Word) => {
    const k = name.toLowerCase();
    call.options.set(k, [...(call.options.get(k) ?? []), value]);
    call.optionWords.set(k, [...(call.optionWords.get(k) ?? []), w]);
  };
  const flag = (name: string, w: Word) => {
    const k = name.toLowerCase();
    if (!call.options.has(k)) call.options.set(k, []);
    if (!call.optionWords.has(k)) call.optionWords.set(k, [w]);
  };
  /** Does `name` (no inline value) take the next word? */
  const takesNext = (name: string, i: number): boolean => {
    if (values.has(name)) return i + 1 < args.length;
    if (flags.has(name)) return false;
    const next = args[i + 1];
    if (!next || text(next).startsWith('-')) return false;
    ambiguous = true;
    return unknownTakesValue;
  };
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const t = text(w);
    if (t === '--') {
      call.dash = i;
      break;
    }
    if (!t.startsWith('-') || t === '-') {
      if (g.noise?.test(t.toLowerCase()) && call.path.length === 0) continue;
      call.path.push(t.toLowerCase());
      call.pathWords.push(w);
      call.pathIndex.push(i);
      continue;
    }
    const eq = t.indexOf('=');
    if (t.startsWith('--') || g.singleDashLong) {
      if (eq > 0) {
        put(t.slice(0, eq), w.value === undefined ? undefined : t.slice(eq + 1), tail(w, eq + 1));
        continue;
      }
      if (takesNext(t, i)) {
        const v = args[++i]!;
        put(t, v.value, v);
      } else flag(t, w);
      continue;
    }
    // Short options: `-n prod`, `-nprod`, `-n=prod`, clusters like `-it`.
    for (let j = 1; j < t.length; j++) {
      const name = `-${t[j]}`;
      if (j + 1 < t.length && values.has(name)) {
        const rest = t.slice(j + 1).replace(/^=/, '');
        put(name, w.value === undefined ? undefined : rest, tail(w, t.length - rest.length));
        break;
      }
      if (j + 1 === t.length && takesNext(name, i)) {
        const v = args[++i]!;
        put(name, v.value, v);
        break;
      }
      flag(name, w);
    }
  }
  return { call, ambiguous };
}

/** Every plausible reading of `args`: one, or more when an unknown option might take the next word or a word is computed. */
export function readCli(args: readonly Word[], g: CliGrammar): CliCall[] {
  const first = parse(args, g, g.unknownTakesValue === true);
  const readings = first.ambiguous ? [first.call, parse(args, g, g.unknownTakesValue !== true).call] : [first.call];
  // `kubectl $FLAGS get secret`: a word known only at run time may be options, not a subcommand.
  for (const c of [...readings]) {
    const keep = c.pathWords.map((w) => w.value !== undefined);
    if (keep.every(Boolean)) continue;
    readings.push({ ...c, path: c.path.filter((_, i) => keep[i]), pathWords: c.pathWords.filter((_, i) => keep[i]), pathIndex: c.pathIndex.filter((_, i) => keep[i]) });
  }
  return readings;
}

/** The path's first n words joined by spaces. */
export function pathOf(c: CliCall, n = c.path.length): string {
  return c.path.slice(0, n).join(' ');
}

export function has(c: CliCall, ...names: string[]): boolean {
  return names.some((n) => c.options.has(n.toLowerCase()));
}

/** The last value given for any of these options ('' for a flag, undefined when absent or computed). */
export function optValue(c: CliCall, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = c.options.get(n.toLowerCase());
    if (v) return v.length > 0 ? v[v.length - 1] : '';
  }
  return undefined;
}

export function optValues(c: CliCall, ...names: string[]): (string | undefined)[] {
  return names.flatMap((n) => c.options.get(n.toLowerCase()) ?? []);
}

/** A boolean option that is on: `--raw`, `--raw=true` (not `--raw=false`). */
export function on(c: CliCall, ...names: string[]): boolean {
  return names.some((n) => {
    const v = c.options.get(n.toLowerCase());
    if (!v) return false;
    const last = v.length > 0 ? v[v.length - 1] : '';
    return last === undefined || !/^(false|0|no|off)$/i.test(last);
  });
}

// ---- the grammars ----

const KUBE_VALUES = ['-n', '--namespace', '-o', '--output', '-l', '--selector', '--context', '--cluster', '--user', '--kubeconfig', '-f', '--filename', '-c', '--container', '--token', '--server', '-s', '--as', '--as-group', '--as-uid', '--request-timeout', '--sort-by', '--template', '-L', '--label-columns', '--field-selector', '--type', '--from-literal', '--from-file', '--from-env-file', '--image', '--replicas', '--port', '--timeout', '-p', '--patch', '--patch-file', '--certificate-authority', '--client-key', '--client-certificate', '--tls-server-name', '--cache-dir', '--log-file', '-v', '--v', '--vmodule', '--chunk-size', '--subresource', '-k', '--kustomize', '--for', '--field-manager', '--serviceaccount', '--clusterrole', '--role', '--verb', '--resource', '--resource-name', '--duration', '--audience', '--bound-object-kind', '--bound-object-name', '--bound-object-uid', '--since', '--tail', '--since-time', '--grace-period', '--overrides', '--profile', '--env', '--labels', '--annotations', '--limits', '--requests', '--cert', '--key', '--docker-server', '--docker-username', '--docker-password', '--docker-email', '--group', '--loglevel', '--target', '--copy-to', '--max-log-requests', '--address', '--username', '--password', '--local-port', '--name', '--generator', '--attach-timeout', '--pod-running-timeout', '--set-raw', '--keys', '--to'];
const KUBE_FLAGS = ['-A', '--all-namespaces', '-i', '--stdin', '-t', '--tty', '-w', '--watch', '--raw', '--flatten', '--minify', '--insecure-skip-tls-verify', '--show-labels', '--no-headers', '--all', '--dry-run', '--rm', '--privileged', '--force', '--wait', '--recursive', '-R', '--show-managed-fields', '--ignore-not-found', '--quiet', '-q', '--list', '--confirm', '--show-token', '--show-server', '--show-context'];

const HELM_VALUES = ['--kube-context', '--kubeconfig', '-n', '--namespace', '--registry-config', '--repository-config', '--repository-cache', '--kube-token', '--kube-apiserver', '--kube-as-user', '--kube-as-group', '--kube-ca-file', '--kube-tls-server-name', '--burst-limit', '--qps', '-f', '--values', '--set', '--set-string', '--set-file', '--set-json', '--set-literal', '--version', '-o', '--output', '--revision', '--timeout', '--post-renderer', '--description', '--repo', '--username', '--password', '--ca-file', '--cert-file', '--key-file', '--template', '--max', '--name-template', '-l', '--selector', '--filter'];

const GH_VALUES = ['-R', '--repo', '--hostname', '-X', '--method', '-f', '-F', '--field', '--raw-field', '-H', '--header', '--input', '-q', '--jq', '--template', '--cache', '-p', '--preview', '-b', '--body', '--body-file', '--title', '-B', '--base', '--head', '-l', '--label', '-a', '--assignee', '-m', '--milestone', '-L', '--limit', '-s', '--state', '--json', '--visibility', '--author', '--search', '-S', '--reviewer', '-r', '--workflow', '--branch', '--commit', '--env', '--org', '--app', '--repos', '--description', '-d', '--homepage', '--default-branch', '--add-topic', '--remove-topic', '--team', '--gitignore', '--license', '--clone', '--source', '--remote', '--subject', '--match-head-commit', '--user', '--scopes', '--with-token', '--git-protocol', '-e', '--exclude', '-o', '--output', '--pattern', '--dir', '-D', '--destination'];

const DOCKER_GLOBALS = ['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey', '--url', '--connection', '--root', '--runroot', '--storage-driver', '--storage-opt', '--cgroup-manager', '--identity', '--runtime', '--events-backend', '--network-cmd-path', '--tmpdir', '--module', '-n', '--namespace', '-a', '--address', '--snapshotter', '--cni-path', '--cni-netconfpath', '--data-root', '--host-gateway-ip'];
const DOCKER_VALUES = [...DOCKER_GLOBALS, '-f', '--format', '--type', '-e', '--env', '-u', '--user', '-w', '--workdir', '--filter', '--since', '--until', '--tail', '-p', '--project-name', '--profile', '--file', '--env-file', '--project-directory'];

export const GRAMMARS = {
  aws: {
    values: ['--profile', '--region', '--output', '--endpoint-url', '--query', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout', '--color', '--cli-binary-format', '--cli-input-json', '--cli-input-yaml', '--max-items', '--page-size', '--starting-token', '--generate-cli-skeleton'],
    flags: ['--debug', '--no-verify-ssl', '--no-paginate', '--no-sign-request', '--no-cli-pager', '--cli-auto-prompt', '--no-cli-auto-prompt', '--version', '--with-decryption', '--no-with-decryption', '--dry-run', '--no-dry-run', '--recursive', '--force', '--quiet', '--human-readable', '--summarize', '--delete', '--exact-timestamps', '--dryrun', '--follow', '--no-include-email', '--publicly-accessible', '--no-publicly-accessible', '--all'],
    // Almost every aws option takes a value.
    unknownTakesValue: true,
  },
  gcloud: {
    values: ['--project', '--account', '--configuration', '--flags-file', '--flatten', '--format', '--impersonate-service-account', '--billing-project', '--verbosity', '--access-token-file', '--trace-token', '--filter', '--limit', '--page-size', '--sort-by', '--region', '--zone', '--member', '--role', '--secret', '--location', '--keyring', '--key', '--ciphertext-file', '--plaintext-file', '--instance', '--iam-account', '--cluster', '--source-ranges', '--network', '--rules', '--allow', '--data-file', '--condition', '--authorized-networks', '--password', '--host', '--type', '--description', '--display-name', '--permissions', '--output-file', '--key-file', '--scopes', '--audiences'],
    flags: ['--quiet', '-q', '--log-http', '--user-output-enabled', '--no-user-output-enabled', '--async', '--all', '--internal-ip', '--include-email'],
    noise: /^(alpha|beta|preview)$/,
  },
  az: {
    values: ['--subscription', '-o', '--output', '--query', '-g', '--resource-group', '-n', '--name', '--vault-name', '--id', '--ids', '--account-name', '--assignee', '--assignee-object-id', '--role', '--scope', '--location', '-l', '--resource', '--resource-type', '--tenant', '-t', '-u', '--username', '-p', '--password', '--value', '--file', '-f', '--encoding', '--version', '--public-access', '--allow-blob-public-access', '--public-network-access', '--auth-mode', '--expiry', '--permissions', '--services', '--resource-types', '--start-ip-address', '--end-ip-address', '--source-address-prefixes', '--destination-port-ranges', '--access', '--priority', '--direction', '--protocol', '--nsg-name', '--server', '--display-name', '--years', '--end-date', '--object-id', '--spn', '--upn', '--secret-permissions', '--key-permissions', '--certificate-permissions', '--policy', '--rule-name', '--key', '--key-name', '--cluster-name', '--registry', '--definition', '--member-id', '--group', '--app-id', '--api', '--api-permissions', '--settings', '--setting-names', '--slot'],
    flags: ['--debug', '--verbose', '--only-show-errors', '--yes', '-y', '--no-wait', '--expose-token', '--overwrite-existing', '--admin', '--append', '--create-cert', '--skip-assignment', '--all'],
    unknownTakesValue: true,
  },
  kubectl: { values: KUBE_VALUES, flags: KUBE_FLAGS },
  helm: { values: HELM_VALUES, flags: ['--debug', '--all-namespaces', '-A', '--all', '--dry-run', '--insecure-skip-tls-verify', '--atomic', '--wait', '--install', '--create-namespace', '--force', '--reuse-values', '--reset-values', '--devel', '--plain-http', '--pass-credentials'] },
  gh: { values: GH_VALUES, flags: ['-t', '--show-token', '--admin', '--auto', '--squash', '--merge', '--rebase', '--delete-branch', '-d', '--web', '-w', '--public', '--private', '--internal', '--paginate', '--slurp', '--include', '-i', '--silent', '--verbose', '--yes', '-y', '--draft', '--fill', '--accept-visibility-change-consequences', '--insecure-storage', '--clobber', '--force'] },
  glab: { values: ['-R', '--repo', '-X', '--method', '-f', '-F', '--field', '--raw-field', '-H', '--header', '--input', '--hostname', '-g', '--group', '-t', '--title', '-d', '--description', '-l', '--label', '-a', '--assignee', '-b', '--target-branch', '-s', '--source-branch', '-v', '--value', '--scope', '-o', '--output', '-P', '--per-page', '--page', '-k', '--key', '-e', '--expires-at', '-S', '--scope', '--name', '--visibility'], flags: ['--show-token', '--public', '--private', '--internal', '--paginate', '-i', '--include', '--stdin', '--yes', '-y', '--masked', '--protected', '--raw'] },
  docker: { values: DOCKER_VALUES, flags: ['-D', '--debug', '--tls', '--tlsverify', '-i', '--interactive', '-t', '--tty', '-d', '--detach', '--rm', '--privileged', '-a', '--all', '-q', '--quiet', '--no-trunc', '-s', '--size', '--remote', '--password-stdin'] },
  git: { values: ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env', '--super-prefix', '--list-cmds'], flags: [] },
  terraform: { values: ['-chdir', '-var', '-var-file', '-state', '-state-out', '-target', '-out', '-lock-timeout', '-parallelism', '-backend-config', '-replace', '-backup'], flags: ['-json', '-raw', '-no-color', '-input', '-auto-approve', '-help', '-version', '-compact-warnings', '-refresh-only', '-destroy', '-upgrade', '-reconfigure', '-migrate-state', '-recursive', '-check', '-diff', '-write', '-list', '-lock', '-refresh'], singleDashLong: true, noise: /^(run-all|run|--all)$/ },
  pulumi: { values: ['-C', '--cwd', '-s', '--stack', '--color', '--profiling', '--tracing', '--secrets-provider', '--path', '--config-file', '--logflow', '--verbose', '-v', '--target', '-t', '--message', '-m', '--parallel', '-p', '--file'], flags: ['--show-secrets', '--secret', '--plaintext', '--json', '-j', '--yes', '-y', '--skip-preview', '--non-interactive', '--logtostderr', '--emoji', '--disable-integrity-checking', '--local', '--insecure', '--diff', '--refresh', '--shell'] },
  vault: { values: ['-address', '-namespace', '-ns', '-format', '-field', '-mount', '-path', '-method', '-policy', '-ttl', '-role', '-output-curl-string', '-ca-cert', '-client-cert', '-client-key', '-tls-server-name', '-wrap-ttl', '-display-name', '-period', '-explicit-max-ttl', '-metadata', '-type', '-version', '-versions'], flags: ['-tls-skip-verify', '-non-interactive', '-no-print', '-no-store', '-orphan', '-detailed', '-self', '-force', '-h', '-help', '-version'], singleDashLong: true },
  op: { values: ['--account', '--config', '--encoding', '--session', '--format', '--vault', '--fields', '--categories', '--tags', '--env-file', '-i', '--in-file', '-o', '--out-file', '--reveal', '--otp'], flags: ['--cache', '--iso-timestamps', '--debug', '--no-color', '--reveal', '--no-masking', '--force', '-f', '--raw'] },
  doctl: { values: ['-t', '--access-token', '--context', '-o', '--output', '--format', '-c', '--config', '-u', '--api-url', '--region', '--size', '--image'], flags: ['--trace', '-v', '--verbose', '--interactive', '--no-header', '--force', '-f', '--wait'] },
  heroku: { values: ['-a', '--app', '-r', '--remote', '-s', '--shell', '--team', '-t', '--json'], flags: ['--json', '-j', '--confirm', '--exit-code', '-x'] },
  vercel: { values: ['-t', '--token', '-S', '--scope', '--cwd', '-A', '--local-config', '-Q', '--global-config', '--team', '-e', '--env', '-b', '--build-env', '--environment', '--target', '--git-branch'], flags: ['--prod', '--yes', '-y', '--debug', '-d', '--force', '-f', '--public', '--prebuilt', '--sensitive'] },
  netlify: { values: ['--auth', '--filter', '--context', '--scope', '--site', '-s', '--dir', '-d', '--functions', '-f', '--alias', '--message', '-m'], flags: ['--json', '--plain', '--prod', '--debug', '--force', '--secret'] },
  fly: { values: ['-a', '--app', '-t', '--access-token', '-c', '--config', '-o', '--org', '-r', '--region', '--image', '-C', '--command', '-s', '--select', '-n', '--name', '-x', '--expiry'], flags: ['--verbose', '--debug', '-j', '--json', '--stage', '--detach', '-y', '--yes', '--remote-only', '--local-only'] },
  firebase: { values: ['-P', '--project', '--token', '--account', '-c', '--config', '--only', '--except', '--message', '-m', '--channel', '--instance', '--format', '--app'], flags: ['-j', '--json', '--non-interactive', '-i', '--interactive', '--debug', '--force', '-f', '--no-localhost', '--reauth'] },
  supabase: { values: ['--workdir', '--profile', '-o', '--output', '--project-ref', '--env-file', '--db-url', '-p', '--password', '-s', '--schema', '-f', '--file', '--token'], flags: ['--debug', '--yes', '--experimental', '--linked', '--local', '--create-ticket', '--data-only'] },
  wrangler: { values: ['-c', '--config', '-e', '--env', '--cwd', '--name', '--compatibility-date', '--binding', '--namespace-id', '--type', '--remote'], flags: ['--experimental-json-config', '-j', '--local', '--json', '--dry-run', '--minify'] },
  stripe: { values: ['--api-key', '-p', '--project-name', '--color', '--config', '--device-name', '--log-level', '-f', '--forward-to', '-e', '--events', '--forward-connect-to', '-H', '--headers', '--set', '--unset', '-d', '--data', '--account', '--stripe-account'], flags: ['-l', '--list', '--live', '-e', '--edit', '--print-secret', '--print-json', '--skip-verify', '--interactive', '-i', '--load-from-webhooks-api', '--use-configured-webhooks'] },
} satisfies Record<string, CliGrammar>;

export type CliName = keyof typeof GRAMMARS;
