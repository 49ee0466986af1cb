// Command name → handler. Names are matched in lower case; versioned binaries (`python3.12`, `pip3.11`,
// `mkfs.ext4`, `clang-17`) fall back to their family. Built lazily so module load order never matters.
import { CLOUD_COMMANDS } from './cloud';
import { CONTAINER_COMMANDS } from './containers';
import { CREDENTIAL_HELPER_COMMANDS, CREDENTIAL_HELPER_NAME, credentialHelper } from './credentialHelpers';
import { COUNTERSIGN_COMMANDS } from './countersign';
import { DESTRUCTIVE_COMMANDS } from './destructive';
import { FILE_COMMANDS } from './files';
import { FORGE_COMMANDS } from './forge';
import { GIT_COMMANDS } from './git';
import type { Handler } from './handler';
import { KUBE_COMMANDS } from './kube';
import { NETWORK_COMMANDS } from './network';
import { LINTER_COMMANDS } from './linters';
import { PACKAGE_COMMANDS } from './packages';
import { PATCH_COMMANDS } from './patchTool';
import { PERMISSION_COMMANDS } from './permissions';
import { RUNNER_COMMANDS } from './runners';
import { SEARCH_COMMANDS } from './search';
import { SECRET_COMMANDS } from './secrets';
import { SHELL_COMMANDS } from './shells';
import { SQL_COMMANDS, SQL_HOSTED_COMMANDS } from './sql';
import { WRAPPER_COMMANDS } from './wrappers';

let handlers: Map<string, Handler> | undefined;

function build(): Map<string, Handler> {
  const m = new Map<string, Handler>();
  // Later tables win on a name clash; the specific ones come last.
  for (const t of [FILE_COMMANDS, SEARCH_COMMANDS, PATCH_COMMANDS, LINTER_COMMANDS, PACKAGE_COMMANDS, RUNNER_COMMANDS, NETWORK_COMMANDS, SQL_COMMANDS, CONTAINER_COMMANDS, KUBE_COMMANDS, CLOUD_COMMANDS, SQL_HOSTED_COMMANDS, FORGE_COMMANDS, GIT_COMMANDS, SECRET_COMMANDS, CREDENTIAL_HELPER_COMMANDS, DESTRUCTIVE_COMMANDS, PERMISSION_COMMANDS, SHELL_COMMANDS, WRAPPER_COMMANDS, COUNTERSIGN_COMMANDS]) {
    for (const [name, h] of Object.entries(t)) m.set(name.toLowerCase(), h);
  }
  return m;
}

export function lookupHandler(name: string): Handler | undefined {
  handlers ??= build();
  const n = name.toLowerCase();
  const exact = handlers.get(n);
  if (exact) return exact;
  if (CREDENTIAL_HELPER_NAME.test(n.replace(/\.exe$/, ''))) return credentialHelper;
  const family = n.replace(/(\.exe|\.cmd|\.bat)$/, '').replace(/^(mkfs)\..*$/, '$1').replace(/^([a-z][a-z+]*?)-?\d+(\.\d+)*$/, '$1');
  return family !== n ? handlers.get(family) : undefined;
}

