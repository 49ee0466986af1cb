// Package managers, build tools, test runners and linters. Building and testing is ordinary (safe); installing
// packages runs third-party code and fetches from the network (review); publishing uses stored registry tokens
// to release code irreversibly (sensitive); registry logins and tokens are credentials. Runners (`npx`, `uv run`,
// `bundle exec`, `npm exec --`) analyze the command they run.
import { text } from '../args';
import { checkPathWord, checkPathWords } from '../pathArgs';
import { runFile } from '../scripts';
import { makeWrittenRecipes, packageWrittenScript, scriptValues } from '../projectScripts';
import type { Invocation } from '../types';
import { installUnlessCommitted } from '../installJudgement';
import { table, type Handler, type HandlerTable } from './handler';
import { makeEval } from './runners';
import { SHELL_COMMANDS } from './shells';
import type { ShellAnalyzer } from '../analyzer';
import { judgeKnownSource } from '../knownSource';

interface ManagerSpec {
  install: string[];
  publish?: string[];
  credentials?: string[];
  /** Subcommands that run another command from the rest of the line. */
  runners?: string[];
  /** Subcommands that run another command only after `--`. */
  dashRunners?: string[];
  /** Subcommands known to be harmless (build, test, list, run a project script). */
  safe: string[];
  /** Unknown subcommands are project scripts (yarn lint) rather than something new. */
  unknownIsScript?: boolean;
  /** The bare command installs (yarn, bundle). */
  bareInstalls?: boolean;
}

const GLOBAL_VALUE_OPTIONS = ['--prefix', '-C', '--dir', '--cwd', '--filter', '-F', '--workspace', '-w', '--registry', '--cache', '--userconfig', '--loglevel', '-p', '--project', '--manifest-path', '--directory', '--python', '--profile', '--target-dir'];

function firstSub(inv: Invocation): { sub: string; index: number } {
  for (let i = 0; i < inv.args.length; i++) {
    const t = text(inv.args[i]);
    if (t.startsWith('-')) {
      if (GLOBAL_VALUE_OPTIONS.includes(t)) i++;
      continue;
    }
    return { sub: t.toLowerCase(), index: i };
  }
  return { sub: '', index: -1 };
}

/** `npx tsc` is the local tool; `npx some-package` downloads and runs code from the registry. */
function runInner(a: ShellAnalyzer, inv: Invocation, index: number, fetches: boolean): void {
  let i = index;
  while (i < inv.args.length && text(inv.args[i]).startsWith('-')) i += ['-p', '--package', '-c', '--call', '--with', '--from', '--python', '-n', '--name', '-e', '--env'].includes(text(inv.args[i])) ? 2 : 1;
  if (text(inv.args[i]) === '--') i++;
  const inner = inv.args[i];
  if (!inner) return;
  const name = (inner.value ?? '').replace(/@[^/]*$/, '').replace(/^.*\//, '').toLowerCase();
  if (fetches && !LOCAL_TOOLS.has(name)) {
    // A registry package: its code is unknown, installing it is the review. The name may also be a program on
    // PATH (`npx sh -c '…'` runs /bin/sh), so it is analyzed as that command too; an unknown one still has the
    // paths it is handed (`npx serve ~/.ssh`) checked.
    a.hitOn('pkg.install', `Downloads and runs the package ${inner.raw}.`, inv, inner);
  }
  a.dispatchFrom(inv, i, inv.name);
}

const RUN_SUBS = ['run', 'run-script', 'rum', 'urn'];
const LIFECYCLE: Record<string, string> = { test: 'test', t: 'test', tst: 'test', start: 'start', stop: 'stop', restart: 'restart' };

/** `npm run NAME -- ARGS`, `yarn NAME`: the script a run subcommand names, for scripts written on this line. */
function projectScript(a: ShellAnalyzer, inv: Invocation, sub: string, index: number, unknownIsScript: boolean): void {
  let script: string | undefined = LIFECYCLE[sub];
  if (RUN_SUBS.includes(sub)) script = inv.args.slice(index + 1).find((w) => !(w.value ?? '').startsWith('-'))?.value;
  else if (script === undefined && unknownIsScript) script = sub;
  if (script === undefined) return;
  // npm's built-in `env` script prints the whole environment.
  if (script === 'env' && (RUN_SUBS.includes(sub) || unknownIsScript)) a.hitCommand('secret.env-dump', `\`${inv.name} run env\` prints every environment variable; they often hold tokens.`, inv);
  packageWrittenScript(a, inv, script);
  // Arguments handed to the script (`npm start -- .env`) are its to read.
  const dash = inv.args.findIndex((w) => w.value === '--');
  if (dash >= 0) checkPathWords(a, inv, inv.args.slice(dash + 1), 'read', { skipSpaces: true });
}

/** `strict-ssl false`, `strictSSL=false`, `enableStrictSsl false`, `trusted-host x`, `cafile /tmp/x.pem`: later installs trust anyone. */
function tlsOff(joined: string): boolean {
  if (/(strict-?ssl|enablestrictssl|ssl[-_.]?verify|verify[-_]?ssl|secure-http|ssl_verify_mode|cert-?check|\.cert)["']?\s*[= ]\s*["']?(false|0|no|off|none|verify_none)\b|disable-tls["']?\s*[= ]\s*["']?(true|1)\b/.test(joined)) return true;
  return /(^|[ .])(trusted-host|cafile|ca|cert)[= ]\s*\S/.test(joined) && /(^| )(set|add|--set|--add)( |$)/.test(joined);
}

function manager(spec: ManagerSpec): Handler {
  return (inv, a) => {
    const { sub, index } = firstSub(inv);
    const t = inv.args.map((w) => text(w).toLowerCase());
    const at = index >= 0 ? inv.args[index] : inv.nameWord;
    if (sub === '' && !spec.bareInstalls) return;
    if (sub === '' && spec.bareInstalls) {
      installUnlessCommitted(a, inv, sub, index, `Installs packages (${inv.name})`);
      return;
    }
    if (spec.publish?.includes(sub) || (sub === 'npm' && t.includes('publish'))) {
      a.hitOn('secret.publish', `Publishes a package with your registry credentials (${inv.name} ${sub}).`, inv, at);
      return;
    }
    // Who is logged in: the registry is asked with the stored token, which is not printed.
    if (sub === 'whoami') {
      a.hitOn('net.command', `Asks the package registry which account is logged in (${inv.name} whoami).`, inv, at);
      return;
    }
    if (spec.credentials?.includes(sub)) {
      a.hitOn('secret.credential-cli', `Handles package registry credentials (${inv.name} ${sub}).`, inv, at);
      return;
    }
    if (sub === 'config' || sub === 'c' || sub === 'set') {
      const joined = t.join(' ');
      if (tlsOff(joined)) a.hitOn('perm.tls', `Turns off or replaces TLS verification in ${inv.name}'s configuration.`, inv, at);
      else if (/auth|token|password|_auth|credential|http-basic|pypi-token|secret/.test(joined)) a.hitOn('secret.credential-cli', `Reads or changes registry credentials (${inv.name} config).`, inv, at);
      else if (/\b(set|delete|edit|unset)\b/.test(joined)) a.hitOn('pkg.install', `Changes ${inv.name} configuration.`, inv, at);
      return;
    }
    if (spec.runners?.includes(sub)) {
      runInner(a, inv, index + 1, sub === 'dlx' || sub === 'x' || sub === 'exec' && inv.name === 'npm');
      return;
    }
    if (spec.dashRunners?.includes(sub)) {
      const dash = inv.args.findIndex((w) => w.value === '--');
      if (dash >= 0) a.dispatchFrom(inv, dash + 1, inv.name);
      return;
    }
    if (spec.install.includes(sub)) {
      installUnlessCommitted(a, inv, sub, index, `Installs or changes packages (${inv.name} ${sub})`, at);
      for (const w of inv.args.slice(index + 1)) if (/^(\.|\/|~|file:)/.test(w.value ?? '')) checkPathWord(a, inv, w, 'read');
      return;
    }
    if ((sub === 'pkg' || sub === 'set-script') && inv.name !== 'pip') {
      const words = sub === 'set-script' ? inv.args.slice(index + 1, index + 3) : inv.args.slice(index + 1);
      const asAssignment = sub === 'set-script' && words.length === 2 ? [{ ...words[1]!, value: words[1]!.value === undefined || words[0]!.value === undefined ? undefined : `scripts.${words[0]!.value}=${words[1]!.value}` }] : words;
      if (scriptValues(a, inv, asAssignment)) a.hitOn('config.edit', `Changes the package's scripts (${inv.name} ${sub}), which run on later installs and builds.`, inv, at);
      if (sub === 'set-script') return;
    }
    if (spec.safe.includes(sub) || spec.unknownIsScript) {
      projectScript(a, inv, sub, index, spec.unknownIsScript === true && !spec.safe.includes(sub));
      return;
    }
    a.hitOn('exec.unknown-command', `Runs ${inv.name} ${sub}, which Countersign does not know.`, inv, at);
  };
}

const NPM_SAFE = ['test', 't', 'tst', 'run', 'run-script', 'rum', 'urn', 'start', 'stop', 'restart', 'build', 'ls', 'list', 'll', 'la', 'outdated', 'view', 'v', 'info', 'show', 'help', 'version', 'pack', 'explain', 'why', 'doctor', 'root', 'prefix', 'bin', 'fund', 'query', 'search', 's', 'bugs', 'docs', 'repo', 'home', '-v', '--version', '-h', '--help', 'lint', 'audit', 'ping', 'completion', 'help-search', 'diff', 'sbom', 'pkg', 'init', 'cache', 'shrinkwrap', 'find-dupes', 'stars', 'edit', 'explore', 'whoami'];
const NPM_INSTALL = ['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add', 'ci', 'clean-install', 'install-clean', 'update', 'up', 'upgrade', 'udpate', 'uninstall', 'remove', 'rm', 'r', 'un', 'unlink', 'link', 'ln', 'dedupe', 'ddp', 'prune', 'rebuild', 'rb', 'install-test', 'it', 'install-ci-test', 'cit', 'create', 'patch', 'global', 'upgrade-interactive', 'up-interactive', 'import', 'fetch', 'plugin', 'workspaces', 'rebuild'];

const npm = manager({
  install: NPM_INSTALL,
  publish: ['publish', 'unpublish', 'deprecate', 'dist-tag', 'dist-tags', 'owner', 'access', 'team', 'org', 'undeprecate', 'trust'],
  credentials: ['token', 'login', 'adduser', 'add-user', 'logout'],
  runners: ['exec', 'x'],
  safe: NPM_SAFE,
});
const yarn = manager({
  install: [...NPM_INSTALL, 'set', 'up'],
  publish: ['publish', 'owner', 'tag', 'team', 'unpublish'],
  credentials: ['login', 'logout'],
  runners: ['dlx', 'exec'],
  safe: NPM_SAFE,
  unknownIsScript: true,
  bareInstalls: true,
});
const pnpm = manager({
  install: NPM_INSTALL,
  publish: ['publish', 'unpublish', 'deprecate', 'dist-tag', 'owner', 'access'],
  credentials: ['login', 'logout', 'adduser', 'token'],
  runners: ['dlx', 'exec', 'x'],
  safe: NPM_SAFE,
  unknownIsScript: true,
});
const bun: Handler = (inv, a) => {
  // `bun -e CODE` / `bun -p CODE` is JavaScript, like node's.
  if (inv.args.some((w) => /^(-e|--eval|-p|--print)$/.test(w.value ?? ''))) {
    SHELL_COMMANDS.node!(inv, a);
    return;
  }
  const { sub, index } = firstSub(inv);
  if (/\.(m?[jt]sx?|cjs|cts|mts)$/.test(sub)) {
    runFile(a, inv, inv.args[index]!, 'node');
    return;
  }
  if (sub === 'run' && /\.(m?[jt]sx?|cjs|cts|mts)$/.test(text(inv.args[index + 1]))) {
    runFile(a, inv, inv.args[index + 1]!, 'node');
    return;
  }
  manager({ install: [...NPM_INSTALL, 'pm', 'upgrade'], publish: ['publish'], runners: ['x'], safe: [...NPM_SAFE, 'build', 'test', 'init', 'repl'], unknownIsScript: true })(inv, a);
};

const PY_INSTALL = ['install', 'uninstall', 'add', 'remove', 'sync', 'update', 'upgrade', 'lock', 'download', 'wheel', 'inject', 'reinstall', 'upgrade-all', 'create', 'env', 'self', 'tool', 'python', 'pip'];
const pip = manager({ install: PY_INSTALL, runners: ['run'], safe: ['list', 'show', 'freeze', 'check', 'search', 'help', 'inspect', 'debug', 'cache', 'hash', 'index', '--version', '-v', '-h', '--help', 'completion'] });
const uv = manager({
  install: ['add', 'remove', 'sync', 'lock', 'pip', 'tool', 'python', 'self'],
  publish: ['publish'],
  runners: ['run'],
  safe: ['venv', 'tree', 'version', '--version', 'help', 'init', 'build', 'export', 'cache'],
});
const poetry = manager({
  install: ['install', 'add', 'remove', 'update', 'lock', 'sync', 'self', 'source'],
  publish: ['publish'],
  runners: ['run'],
  safe: ['build', 'check', 'show', 'env', 'version', 'new', 'init', 'about', 'help', 'list', 'search', 'shell', 'export', 'debug', 'cache', '--version'],
});

function runnerOnly(fetches: boolean): Handler {
  return (inv, a) => runInner(a, inv, 0, fetches);
}

/** `cargo run -- ARGS`, `go run PKG ARGS`: the program is the project's, the paths it is handed are its to read. */
function withRunArgs(h: Handler): Handler {
  return (inv, a) => {
    h(inv, a);
    const { sub, index } = firstSub(inv);
    if (sub !== 'run' && sub !== 'r') return;
    const dash = inv.args.findIndex((w) => w.value === '--');
    let rest = dash >= 0 ? inv.args.slice(dash + 1) : [];
    if (inv.name === 'go' && dash < 0) {
      const ops = inv.args.slice(index + 1).filter((w) => !(w.value ?? '').startsWith('-'));
      const pkg = ops.findIndex((w) => !/\.go$/.test(w.value ?? ''));
      rest = ops.slice(ops.some((w) => /\.go$/.test(w.value ?? '')) ? ops.filter((w) => /\.go$/.test(w.value ?? '')).length : pkg + 1);
    }
    checkPathWords(a, inv, rest, 'read', { skipSpaces: true });
  };
}

const goTool = manager({
  install: ['get', 'install', 'mod'],
  safe: ['build', 'test', 'vet', 'fmt', 'run', 'env', 'version', 'list', 'doc', 'clean', 'help', 'work', 'tool', 'generate', 'bug', 'fix', 'telemetry'],
});
const cargo = manager({
  install: ['install', 'add', 'remove', 'rm', 'update', 'fetch', 'uninstall', 'vendor', 'generate-lockfile'],
  publish: ['publish', 'yank', 'owner'],
  credentials: ['login', 'logout'],
  safe: ['build', 'b', 'test', 't', 'check', 'c', 'clippy', 'fmt', 'doc', 'd', 'bench', 'run', 'r', 'clean', 'tree', 'metadata', 'new', 'init', 'search', 'version', '--version', 'help', 'locate-project', 'pkgid', 'verify-project', 'expand', 'nextest', 'audit', 'deny', 'outdated', 'machete', 'llvm-cov', 'tarpaulin', 'watch', 'make', 'miri', 'fix', 'report', 'info'],
});
const gem = manager({ install: ['install', 'uninstall', 'update', 'fetch', 'sources'], publish: ['push', 'yank', 'owner'], credentials: ['signin', 'signout'], safe: ['list', 'search', 'info', 'query', 'env', 'help', 'contents', 'dependency', 'specification', 'which', 'build', 'outdated', '--version'] });
const bundle = manager({ install: ['install', 'update', 'add', 'remove', 'lock', 'binstubs', 'cache', 'package', 'clean'], runners: ['exec'], safe: ['check', 'list', 'show', 'info', 'outdated', 'config', 'doctor', 'platform', 'version', 'help', 'init', 'open', 'viz'], bareInstalls: true });
const composer = manager({ install: ['install', 'i', 'require', 'r', 'update', 'u', 'upgrade', 'remove', 'rm', 'reinstall', 'create-project', 'global'], runners: ['exec'], safe: ['dump-autoload', 'dumpautoload', 'show', 'info', 'outdated', 'validate', 'diagnose', 'licenses', 'depends', 'why', 'prohibits', 'why-not', 'check-platform-reqs', 'status', 'run-script', 'run', 'test', 'list', 'help', 'about', 'audit', 'search', 'fund'], unknownIsScript: true });
const dotnetManager = manager({ install: ['add', 'restore', 'tool', 'workload', 'new'], publish: ['nuget'], safe: ['build', 'test', 'run', 'format', 'clean', 'publish', 'pack', 'list', 'sln', '--version', '--info', 'help', 'watch', 'msbuild', 'vstest'] });
/** `dotnet tool run NAME ARGS` / `dotnet tool exec`: a local tool, analyzed as the command it runs. */
const dotnet: Handler = (inv, a) => {
  const { sub, index } = firstSub(inv);
  const next = text(inv.args[index + 1]).toLowerCase();
  if (sub === 'tool' && (next === 'run' || next === 'exec')) {
    runInner(a, inv, index + 2, next === 'exec');
    return;
  }
  dotnetManager(inv, a);
};

/** Build tools run project-defined steps: safe, except goals that deploy or publish somewhere else. */
const buildTool: Handler = (inv, a) => {
  if (inv.name === 'make' || inv.name === 'gmake') {
    makeWrittenRecipes(a, inv);
    makeEval(a, inv);
  }
  const goal = inv.args.map((w) => text(w)).find((x) => /^(deploy|release|publish|upload\w*|site-deploy|nexus-staging:\w+|publish(?!ToMavenLocal)\w+)$/i.test(x));
  if (goal) a.hitOn('cloud.command', `Runs the ${goal} step, which usually deploys or publishes with stored credentials (${inv.name} ${goal}).`, inv);
};

/** System package managers: installs need review (with sudo they are sensitive anyway). */
function systemPackages(readOnly: RegExp): Handler {
  return (inv, a) => {
    const { sub, index } = firstSub(inv);
    // `nvm exec 18 CMD`, `mise x -- CMD`, `asdf exec CMD`, `nix develop -c CMD`: a version manager runs a command.
    if (/^(exec|x|run|shell|develop|exec-env)$/.test(sub)) {
      const at = inv.args.findIndex((w, i) => i > index && w.value !== undefined && !w.value.startsWith('-') && a.knownCommand(w.value));
      if (at >= 0) a.speculateDispatch(inv, at, inv.name);
    }
    if (sub === '' || readOnly.test(sub)) return;
    a.hitOn('pkg.install', `Installs or changes system packages (${inv.name} ${sub}).`, inv);
  };
}

/** Options of test runners and linters whose value is a test name or pattern, not a file (`pytest -k creds`). */
const TEST_NAME_OPTIONS = new Set(['-k', '-m', '-t', '--testNamePattern', '--grep', '-g', '--fgrep', '--filter', '--group', '--tag', '--example', '-run', '-bench', '-skip']);

/**
 * A local development tool: nothing of its own to report; the analyzer sweeps its arguments like any command's
 * (a file it is handed, a command line in an option). Test-name options are understood as names.
 */
const devTool: Handler = (inv, a) => {
  inv.args.forEach((w, i) => {
    const v = w.value ?? '';
    const eq = v.indexOf('=');
    if (eq > 0 && TEST_NAME_OPTIONS.has(v.slice(0, eq))) a.understand(inv, w);
    else if (TEST_NAME_OPTIONS.has(v) && inv.args[i + 1]) a.understand(inv, inv.args[i + 1]);
  });
};

/** Local development tools (also what `npx TOOL` may run without downloading). Their arguments are still swept. */
const LOCAL_TOOLS = new Set([
  'tsc', 'eslint', 'prettier', 'jest', 'vitest', 'mocha', 'ava', 'tap', 'nyc', 'c8', 'playwright', 'cypress', 'karma', 'jasmine', 'tsd', 'tsup', 'vite', 'webpack', 'webpack-cli', 'rollup', 'esbuild', 'swc', 'babel', 'parcel', 'turbo', 'nx', 'lerna', 'biome', 'oxlint', 'stylelint', 'markdownlint', 'markdownlint-cli2', 'commitlint', 'lint-staged', 'next', 'nuxt', 'nuxi', 'astro', 'svelte-kit', 'svelte-check', 'gatsby', 'remix', 'expo', 'react-native', 'ng', 'vue-tsc', 'storybook', 'tsx', 'ts-node', 'typedoc', 'api-extractor', 'knip', 'depcheck', 'madge', 'size-limit', 'concurrently', 'npm-run-all', 'run-s', 'run-p', 'rimraf', 'cross-env', 'wireit', 'changeset', 'pytest', 'py.test', 'tox', 'nox', 'mypy', 'ruff', 'black', 'flake8', 'pylint', 'isort', 'pyright', 'bandit', 'coverage', 'pre-commit', 'rspec', 'rubocop', 'rake', 'rails', 'phpunit', 'phpstan', 'psalm', 'php-cs-fixer', 'pest', 'golangci-lint', 'gofmt', 'goimports', 'staticcheck', 'gotestsum', 'rustfmt', 'rustc', 'clippy-driver', 'swiftlint', 'swiftformat', 'ktlint', 'detekt', 'shellcheck', 'shfmt', 'hadolint', 'yamllint', 'actionlint', 'tflint', 'make', 'gmake', 'cmake', 'ctest', 'ninja', 'meson', 'scons', 'bazel', 'bazelisk', 'buck', 'buck2', 'pants', 'just', 'task', 'mvn', 'mvnw', 'gradle', 'gradlew', 'ant', 'sbt', 'lein', 'mix', 'rebar3', 'gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'clang-format', 'clang-tidy', 'javac', 'ld', 'ar', 'nm', 'objdump', 'readelf', 'strip', 'ldd', 'otool', 'lipo', 'xcodebuild', 'swift', 'swiftc', 'zig', 'nim', 'crystal', 'dart', 'flutter', 'elm', 'stack', 'cabal', 'ghc', 'dune', 'tsc-watch', 'nodemon', 'hugo', 'jekyll', 'mkdocs', 'sphinx-build', 'docusaurus', 'vuepress', 'eleventy', 'pandoc', 'protoc', 'buf', 'sqlc', 'prisma', 'drizzle-kit', 'graphql-codegen', 'diff-so-fancy', 'act', 'gotest', 'bats', 'hyperfine', 'go-task', 'mage', 'earthly', 'tsc-alias', 'ts-jest', 'sass', 'postcss', 'tailwindcss', 'uglifyjs', 'terser', 'cspell', 'codespell', 'vale', 'alex', 'editorconfig-checker',
]);

export const PACKAGE_COMMANDS: HandlerTable = {
  npm,
  yarn,
  ...table(['pnpm'], pnpm),
  bun,
  ...table(['npx', 'pnpx', 'bunx', 'dnx'], runnerOnly(true)),
  ...table(['pip', 'pip3', 'pipenv', 'conda', 'mamba', 'micromamba', 'pipx', 'hatch', 'pdm', 'rye', 'easy_install', 'pixi'], pip),
  uv,
  uvx: runnerOnly(true),
  poetry,
  twine: (inv, a) => {
    if (text(inv.args[0]) === 'upload' || text(inv.args[0]) === 'register') a.hitOn('secret.publish', 'Publishes a Python package with your registry credentials.', inv);
  },
  go: withRunArgs(goTool),
  cargo: withRunArgs(cargo),
  gem,
  bundle,
  bundler: bundle,
  composer,
  dotnet,
  ...table(['vsce', 'ovsx'], (inv, a) => {
    if (['publish', 'unpublish', 'login', 'create-publisher', 'delete-publisher', 'verify-pat'].includes(text(inv.args[0]))) a.hitOn('secret.publish', `Publishes an extension with your marketplace token (${inv.name} ${text(inv.args[0])}).`, inv);
  }),
  ...table(['apt', 'apt-get', 'aptitude', 'dpkg', 'yum', 'dnf', 'microdnf', 'apk', 'pacman', 'yay', 'paru', 'zypper', 'emerge', 'pkg', 'port', 'snap', 'flatpak', 'choco', 'winget', 'scoop', 'nix-env', 'nix', 'brew', 'mas', 'softwareupdate', 'rpm', 'sdk', 'asdf', 'mise', 'rtx', 'nvm', 'fnm', 'volta', 'n', 'pyenv', 'rbenv', 'rvm', 'goenv', 'jenv', 'rustup', 'corepack', 'opam', 'luarocks', 'cpan', 'cpanm', 'raco'], systemPackages(/^(list|search|show|info|policy|madison|-l|-L|--list|query|-q|-qa|-s|--version|-v|version|which|current|ls|ls-remote|doctor|config|outdated|deps|uses|leaves|home|desc|cat|log|env|exec_|help)$/)),
  ...table([...LOCAL_TOOLS].filter((n) => !['make', 'gmake', 'mvn', 'mvnw', 'gradle', 'gradlew', 'ant', 'sbt', 'lein', 'bazel', 'just', 'task', 'changeset', 'lerna', 'nx', 'turbo', 'ts-node', 'tsx'].includes(n)), devTool),
  ...table(['make', 'gmake', 'mvn', 'mvnw', 'gradle', 'gradlew', 'ant', 'sbt', 'lein', 'bazel', 'just', 'task', 'changeset', 'lerna', 'nx', 'turbo'], buildTool),
  ...table(['ts-node', 'tsx', 'ts-node-esm', 'esno', 'babel-node', 'vite-node'], (inv, a) => {
    const file = inv.args.find((w) => !(w.value ?? '').startsWith('-'));
    if (file) runFile(a, inv, file, 'node');
  }),
  java: (inv, a) => {
    const jar = inv.args.findIndex((w) => w.value === '-jar');
    if (jar >= 0 && inv.args[jar + 1]) runFile(a, inv, inv.args[jar + 1]!, 'shell');
    else if (inv.args.length > 0 && !inv.args.every((w) => /^-(version|-version|h|help)$/.test(w.value ?? ''))) {
      a.hitOn('exec.interpreter', 'Runs a Java program.', inv);
      judgeKnownSource(a, inv); // `java Main.java` runs a source file
    }
  },
};
