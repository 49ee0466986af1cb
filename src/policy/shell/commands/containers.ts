// docker/podman: privileged containers, host namespaces, the Docker socket and mounts of the host root are
// permission escapes; mounted or env-file secrets are secret reads; registry logins are credentials.
import { text } from '../args';
import { checkPathWord } from '../pathArgs';
import type { Invocation } from '../types';
import { table, type Handler, type HandlerTable } from './handler';
import { judgeCli } from './cliRules';
import type { ShellAnalyzer } from '../analyzer';

const PRIVILEGED = /^--privileged(=true)?$|^--cap-add(=|$)|^--security-opt(=|$)|^--(pid|ipc|userns|uts|network|net|cgroupns)=host$|^--device(=|$)|^--user=(0|root)(:|$)/;
const VALUE_OPTIONS = new Set(['-v', '--volume', '--mount', '--env-file', '-e', '--env', '--cap-add', '--security-opt', '--pid', '--ipc', '--userns', '--uts', '--network', '--net', '--device', '-u', '--user', '-w', '--workdir', '--name', '-p', '--publish', '--entrypoint', '--label', '-l', '--platform', '--add-host', '--hostname', '-h', '--restart', '--memory', '-m', '--cpus', '--gpus', '--log-driver', '--tmpfs', '--cgroupns', '-f', '--file', '-t', '--tag', '--build-arg', '--target', '--secret', '--ssh', '--cache-from', '--cache-to', '--output', '-o', '--env-from', '--pull', '--shm-size', '--ulimit', '--dns', '--expose', '--health-cmd', '--runtime', '--group-add', '--volumes-from', '--stop-signal', '--init-path', '--detach-keys', '--format', '--filter', '--since', '--until', '--tail', '-n', '--project-name', '--profile', '--context', '--build-context', '--iidfile', '--progress', '--network-alias', '--ip', '--mac-address', '--cidfile', '--annotation', '--sysctl']);

function runOptions(inv: Invocation, a: ShellAnalyzer, from: number): number {
  let i = from;
  for (; i < inv.args.length; i++) {
    const w = inv.args[i]!;
    const t = text(w);
    if (!t.startsWith('-')) break;
    const [opt, inline] = t.includes('=') ? [t.slice(0, t.indexOf('=')), t.slice(t.indexOf('=') + 1)] : [t, undefined];
    const valueWord = inline === undefined && VALUE_OPTIONS.has(opt) ? inv.args[i + 1] : undefined;
    const value = inline ?? valueWord?.value ?? '';
    const full = `${opt}${value ? `=${value}` : ''}`;
    if (PRIVILEGED.test(full) || (opt === '--security-opt' && /unconfined|label[:=]disable|no-new-privileges[:=]false/.test(value)) || (opt === '--user' && /^(0|root)(:|$)/.test(value))) {
      a.hitOn('perm.container', `Starts a container with host privileges (${full}).`, inv, w);
    }
    if (opt === '-v' || opt === '--volume' || opt === '--mount') {
      const src = opt === '--mount' ? (/(?:source|src)=([^,]+)/.exec(value)?.[1] ?? '') : value.split(':')[0] ?? '';
      // The host root, system trees, a whole home directory or the Docker socket (not a project folder).
      const abs = src.startsWith('/') ? src.replace(/\/+$/, '') || '/' : src.startsWith('~') ? (a.resolve(src) ?? '') : '';
      if (/docker\.sock/.test(src) || abs === a.home || /^\/(?:(?:etc|root|proc|sys|dev|boot|usr|bin|sbin|lib|lib64|var|run|home|Users)(?:\/[^/]*)?\/?)?$/.test(abs)) {
        a.hitOn('perm.container', `Mounts ${src} from the host into the container, which escapes its isolation.`, inv, valueWord ?? w);
      }
      if (valueWord) checkPathWord(a, inv, valueWord, 'read');
      else checkPathWord(a, inv, w, 'read');
    }
    if (opt === '--env-file' || opt === '--secret' || opt === '-f' || opt === '--file') {
      if (valueWord) checkPathWord(a, inv, valueWord, 'read');
      else checkPathWord(a, inv, w, 'read');
    }
    if (valueWord) i++;
  }
  return i;
}

const docker: Handler = (inv, a) => {
  const t = inv.args.map((w) => text(w).toLowerCase());
  const { call, matched } = judgeCli(a, inv, 'docker');
  if (matched) return;
  // Global options (`--context x`, `-H tcp://…`, nerdctl's `-n k8s.io`) come before the subcommand.
  let i = call.pathIndex[0] ?? t.length;
  let sub = t[i] ?? '';
  if (sub === 'compose' || inv.name === 'docker-compose' || inv.name === 'podman-compose') {
    if (sub === 'compose') i++;
    i = runOptions(inv, a, i);
    sub = t[i] ?? '';
    if (/^(ps|logs|config|ls|images|top|version|port|events)$/.test(sub)) return;
    a.hitOn('container.run', `Starts or changes containers (compose ${sub}).`, inv);
    if (sub === 'exec' || sub === 'run') {
      const end = runOptions(inv, a, i + 1);
      if (end + 1 < inv.args.length) a.dispatchFrom(inv, end + 1, 'docker');
    }
    return;
  }
  if (sub === 'container' || sub === 'image' || sub === 'volume' || sub === 'network' || sub === 'system' || sub === 'buildx' || sub === 'builder') sub = `${sub} ${t[++i] ?? ''}`;
  if (/^(ps|images|logs|inspect|version|info|stats|top|port|diff|history|events|search|container (ls|list|inspect|logs)|image (ls|list|inspect|history)|volume (ls|inspect)|network (ls|inspect)|system (df|info)|context (ls|show))$/.test(sub)) return;
  if (/^(run|create|container (run|create))$/.test(sub)) {
    a.hitOn('container.run', 'Runs a container image.', inv);
    const end = runOptions(inv, a, i + 1);
    // The command run inside: `docker run -v "$PWD":/w alpine cat /w/.env` reads the project's .env (the built-in
    // globs match at any depth, so container paths count too).
    const entry = inv.args.findIndex((w, j) => j > i && j < end && /^--entrypoint(=|$)/.test(w.value ?? ''));
    if (entry >= 0) {
      const e = inv.args[entry]!;
      const nameWord = (e.value ?? '').includes('=') ? { ...e, value: (e.value ?? '').slice((e.value ?? '').indexOf('=') + 1), pattern: e.pattern.slice(e.pattern.indexOf('=') + 1) } : inv.args[entry + 1];
      if (nameWord) a.dispatch({ ...inv, name: '', nameWord, args: inv.args.slice(end + 1), assignments: [], via: [...inv.via, 'docker'] });
    } else if (end + 1 < inv.args.length) a.dispatchFrom(inv, end + 1, 'docker');
    return;
  }
  if (/^(exec|container exec)$/.test(sub)) {
    a.hitOn('container.run', 'Runs a command inside a container.', inv);
    const end = runOptions(inv, a, i + 1);
    if (end + 1 < inv.args.length) a.dispatchFrom(inv, end + 1, 'docker');
    return;
  }
  if (/^(cp|container cp)$/.test(sub)) {
    for (const w of inv.args.slice(i + 1)) checkPathWord(a, inv, w, 'read');
    a.hitOn('container.run', 'Copies files between the host and a container.', inv);
    return;
  }
  if (/^(build|buildx build|image build)$/.test(sub)) runOptions(inv, a, i + 1);
  if (/^(secret|config|trust|plugin|swarm|node)/.test(sub)) {
    a.hitCommand('secret.credential-cli', `Manages cluster secrets, trust or plugins (docker ${sub}).`, inv);
    return;
  }
  a.hitOn('container.run', `Changes containers or images (docker ${sub}).`, inv);
};

/** Registry clients: logins store credentials, `auth get`/`auth token` print them; the rest copies images (review). */
const registryTool: Handler = (inv, a) => {
  const path = inv.args.filter((w) => !(w.value ?? '-').startsWith('-')).map((w) => text(w).toLowerCase());
  if (path[0] === 'login' || (path[0] === 'auth' && /^(login|get|token)$/.test(path[1] ?? '')) || (path[0] === 'registry' && path[1] === 'login') || (inv.name === 'regctl' && path[0] === 'registry' && path[1] === 'set')) {
    a.hitCommand('secret.credential-cli', `Stores or prints registry credentials (${inv.name} ${path.slice(0, 2).join(' ')}).`, inv);
    return;
  }
  a.hitOn('container.run', `Copies or changes container images (${inv.name}).`, inv);
  // `skopeo copy dir:./x …`, `--authfile ~/.docker/config.json`: local ends are files.
  for (const w of inv.args) checkPathWord(a, inv, { ...w, value: w.value?.replace(/^(dir|oci|oci-archive|docker-archive|--authfile=):?/, ''), pattern: w.pattern.replace(/^(dir|oci|oci-archive|docker-archive|--authfile=):?/, '') }, 'read', { skipSpaces: true });
};

export const CONTAINER_COMMANDS: HandlerTable = {
  ...table(['crane', 'skopeo', 'oras', 'regctl', 'gcrane'], registryTool),
  ...table(['docker', 'podman', 'nerdctl', 'docker-compose', 'podman-compose', 'docker.exe', 'finch', 'lima', 'colima'], docker),
};
