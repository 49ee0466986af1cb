// Builds the plan for one run from this machine: the user's settings snapshot and the built-in sensitive-path
// rules (the same PathPolicy the judgement uses), a bounded search of the home and the workspace folders, and
// the environment's secret variable names (the effect model's classes).
import { lstatSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { PathPolicy } from '../policy/paths/pathPolicy';
import { SECRET_PATHS } from '../policy/paths/defaults';
import { absoluteGlob } from '../policy/paths/pathPolicy';
import { isCredentialPathName, isSecretEnvName } from '../policy/secrets/envNames';
import { readSnapshot, type SettingsSnapshot } from '../ipc/settingsSnapshot';
import { extraRuntimeDir, policyHomes, runtimeDir, stateDir } from '../ipc/runtimeDir';
import { sandboxEnv } from './env';
import { places } from './places';
import { assemblePlan, type FsView, type PathKind } from './plan';
import { homeSkips, scanSensitive, type Classify, type PathVerdict, type ScanRoot } from './scan';
import type { SandboxPlan } from './types';

export interface BuildOptions {
  workspaces: string[];
  allowPaths: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  homes?: string[];
  snapshot?: SettingsSnapshot;
  platform?: NodeJS.Platform;
}

export const diskView: FsView = {
  real(p) {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  },
  kind(p): PathKind | undefined {
    try {
      const st = lstatSync(p);
      return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    } catch {
      return undefined;
    }
  },
};

/** The policy's view of one path for the sandbox: secrets hidden, guard rails (self, protected, start-up files) read-only. */
export function policyClassifier(policies: PathPolicy[]): Classify {
  return (abs, isDir) => {
    let verdict: PathVerdict;
    for (const policy of policies) {
      const m = policy.match(abs, 'read');
      if (m?.category === 'secret') {
        // A folder is emptied only when it is a whole secret folder (~/.ssh); a `secrets/` folder in a project
        // is searched, so its source files stay and its data files go.
        if (!isDir || m.secretDirectory) return 'hide';
      } else if (m && (m.category === 'self' || m.category === 'protected')) verdict = 'read-only';
      const w = verdict ? undefined : policy.match(abs, 'write');
      if (w && w.category !== 'secret') verdict = 'read-only';
    }
    return verdict;
  };
}

/** Literal folders the absolute sensitive globs start from (`/etc/ssh/ssh_host_*` → /etc/ssh), to search there too. */
export function absoluteGlobRoots(globs: string[], home: string): ScanRoot[] {
  const roots = new Map<string, number>();
  for (const g of globs) {
    const abs = absoluteGlob(g, home);
    if (!abs.startsWith('/') || abs.startsWith('/proc/')) continue;
    const segs = abs.split('/').slice(1);
    const firstGlob = segs.findIndex((s) => /[*?[{\\]/.test(s));
    const literal = firstGlob < 0 ? segs.slice(0, -1) : segs.slice(0, firstGlob);
    if (literal.length === 0) continue; // `/**`-wide: the workspace and home searches cover what they can
    const dir = '/' + literal.join('/');
    const depth = Math.min(6, segs.length - literal.length + (abs.endsWith('/**') ? 2 : 0));
    roots.set(dir, Math.max(roots.get(dir) ?? 0, depth));
  }
  return [...roots].map(([dir, maxDepth]) => ({ dir, maxDepth }));
}

export function buildPlan(o: BuildOptions): SandboxPlan {
  const platform = o.platform ?? process.platform;
  const snapshot = o.snapshot ?? readSnapshot();
  const homes = o.homes ?? policyHomes();
  const extra = extraRuntimeDir(o.env);
  const countersignState = [...snapshot.protectedPaths, runtimeDir(), stateDir(), ...(extra ? [extra] : [])];
  const policies = homes.map(
    (home) => new PathPolicy({ sensitivePaths: snapshot.sensitivePaths, allowedPaths: snapshot.allowedPaths, protectedPaths: countersignState, workspaceFolders: o.workspaces, home }),
  );
  const classify = policyClassifier(policies);
  const p = places({ homes, workspaces: o.workspaces, platform, countersignState, tmpdir: o.env.TMPDIR });
  const roots: ScanRoot[] = [
    ...o.workspaces.map((dir) => ({ dir, maxDepth: 12 })),
    ...homes.map((dir) => ({ dir, maxDepth: 6 })),
    ...homes.flatMap((home) => absoluteGlobRoots([...SECRET_PATHS.map((r) => r.glob), ...snapshot.sensitivePaths], home)),
  ];
  // A root the policy hides as a whole is hidden without a search (`/run/secrets`).
  const hiddenRoots: string[] = [];
  const searched = roots.filter((r) => {
    if (r.dir.startsWith('/') && classify(r.dir, true) === 'hide' && diskView.kind(r.dir) !== undefined) {
      hiddenRoots.push(r.dir);
      return false;
    }
    return true;
  });
  const found = scanSensitive(searched, classify, homes.flatMap((h) => homeSkips(h, o.workspaces)));
  const { env, removed } = sandboxEnv(o.env, { isSecretEnvName, isCredentialPathName });
  // The key agent's socket lives wherever its variable says: hide it too (a socket hands out keys, not files).
  const agentSockets = [o.env.SSH_AUTH_SOCK, ...homes.map((h) => join(h, '.gnupg'))].filter((s): s is string => !!s && s.startsWith('/'));
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const runUser = uid === undefined ? [] : [`/run/user/${uid}/gnupg`, `/run/user/${uid}/keyring`];
  return assemblePlan(
    {
      writable: p.writable,
      readOnly: [...p.readOnly, ...found.readOnly],
      hidden: [...p.hidden, ...found.hide, ...hiddenRoots, ...agentSockets, ...runUser],
      allowed: o.allowPaths,
      env,
      removedEnv: removed,
      cwd: o.cwd,
    },
    diskView,
  );
}
