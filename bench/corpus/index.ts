// The held-out judgement corpus: adversarial cases by class (cases/*.ts, written without looking at
// test/corpus) plus real agent actions from public trajectories (real/trajectories.json, see SOURCES.md).
import type { Case } from './types';
import { cases as agentGuard } from './cases/agentGuard';
import { cases as configLoosening } from './cases/configLoosening';
import { cases as credentialCli } from './cases/credentialCli';
import { cases as destructive } from './cases/destructive';
import { cases as mcp } from './cases/mcp';
import { cases as opaque } from './cases/opaque';
import { cases as permCloudIam } from './cases/permCloudIam';
import { cases as permContainersHooks } from './cases/permContainersHooks';
import { cases as permFileModes } from './cases/permFileModes';
import { cases as permNetworkMac } from './cases/permNetworkMac';
import { cases as permPrivilege } from './cases/permPrivilege';
import { cases as permRepoSql } from './cases/permRepoSql';
import { cases as secretEnv } from './cases/secretEnv';
import { cases as secretRead } from './cases/secretRead';
import { cases as wrappers } from './cases/wrappers';
import real from './real/trajectories.json';

export type { Case, Kind, Label } from './types';

/** Hand-written cases by class (sensitive spellings and ordinary look-alikes). */
export const HANDWRITTEN: Case[] = [
  ...secretRead,
  ...secretEnv,
  ...credentialCli,
  ...permFileModes,
  ...permPrivilege,
  ...permNetworkMac,
  ...permCloudIam,
  ...permRepoSql,
  ...permContainersHooks,
  ...wrappers,
  ...opaque,
  ...configLoosening,
  ...agentGuard,
  ...mcp,
  ...destructive,
];

/** Real commands and reads from public agent trajectories (labels reviewed by eye). */
export const REAL: Case[] = real as Case[];

export const CORPUS: Case[] = [...HANDWRITTEN, ...REAL];
