// Windows: the gate registry holds tokens, so its folder is made user-only the way icacls does it: inheritance cut
// (the folder no longer takes whatever its parent grants), full control for this account and SYSTEM only, and any
// explicit grant to Everyone, Authenticated Users or Users removed. SIDs, not names: names are localised ("Jeder"),
// and a user name from the environment (%USERNAME%) is the agent's to choose.
// Runs when a gate starts (two short processes), never on the hook's path: the hook trusts the folder the gate
// secured, as it trusts a 0700 directory on Unix.
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { join } from 'node:path';

const SYSTEM = 'S-1-5-18';
const BROAD = ['S-1-1-0', 'S-1-5-11', 'S-1-5-32-545']; // Everyone, Authenticated Users, Users

export interface AclOutcome {
  /** The ACL was set as described. */
  applied: boolean;
  /** icacls is not there, or is a stub that shows no ACL (Wine): nothing could be set or checked. */
  noTool?: boolean;
  /** What was done, or why not (for the gate's log). */
  detail: string;
}

/** %SystemRoot%\System32: the gate's own environment (the editor's), not an agent's. */
function system32(env: NodeJS.ProcessEnv): string {
  return join(env.SystemRoot ?? env.windir ?? 'C:\\Windows', 'System32');
}

/** This account's SID from `whoami /user` (CSV: "host\user","S-1-5-21-…"), or undefined. */
export function parseWhoamiSid(output: string): string | undefined {
  return /"(S-1-5-[0-9-]+)"/.exec(output)?.[1];
}

/** The icacls arguments that make `dir` this account's (and SYSTEM's) only. */
export function userOnlyAclArgs(dir: string, who: string): string[][] {
  const grant = (principal: string) => `${principal}:(OI)(CI)F`;
  return [
    [dir, '/inheritance:r', '/grant:r', grant(who), grant(`*${SYSTEM}`)],
    [dir, '/remove:g', ...BROAD.map((sid) => `*${sid}`)],
  ];
}

export function restrictDirToUser(dir: string, env: NodeJS.ProcessEnv = process.env): AclOutcome {
  const bin = system32(env);
  const run = (exe: string, args: string[]) => execFileSync(join(bin, exe), args, { encoding: 'utf8', windowsHide: true, timeout: 15_000, stdio: ['ignore', 'pipe', 'pipe'] });
  let sid: string | undefined;
  try {
    sid = parseWhoamiSid(run('whoami.exe', ['/user', '/fo', 'csv', '/nh']));
  } catch {
    sid = undefined;
  }
  let who = sid ? `*${sid}` : '';
  if (!who) {
    try {
      who = userInfo().username; // from the process token, not %USERNAME%
    } catch {
      return { applied: false, detail: 'neither a SID (whoami) nor an account name is available' };
    }
  }
  try {
    for (const args of userOnlyAclArgs(dir, who)) run('icacls.exe', args);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string; stdout?: string; status?: number };
    const out = `${e.stdout ?? ''} ${e.stderr ?? ''}`.replace(/\s+/g, ' ').trim().slice(0, 200);
    return { applied: false, noTool: e.code === 'ENOENT', detail: e.code === 'ENOENT' ? `icacls is not available (${join(bin, 'icacls.exe')})` : `icacls failed (exit ${String(e.status)}): ${out || e.message}` };
  }
  let shown: string;
  try {
    shown = run('icacls.exe', [dir]);
  } catch (err) {
    return { applied: false, detail: `icacls could not show the ACL it set: ${(err as Error).message}` };
  }
  return readBack(dir, who, shown);
}

/**
 * Reads back `icacls DIR`: one line per ACE (`NAME:(OI)(CI)(F)`, names localised, so entries are counted, not
 * named). Exactly this account and SYSTEM (one line when the gate runs as SYSTEM). No line at all is a stub icacls
 * that reports success and does nothing (Wine's): the ACL cannot be known.
 */
export function readBack(dir: string, who: string, shown: string): AclOutcome {
  const aces = shown.split(/\r?\n/).filter((l) => /:\([A-Z]+\)/.test(l));
  if (aces.length === 0) return { applied: false, noTool: true, detail: `icacls reported no ACL for ${dir} (a stub, as under Wine): the folder's ACL could not be set or checked` };
  if (aces.length > 2) return { applied: false, detail: `${dir} still grants access to ${aces.length} principals after icacls: ${aces.map((l) => l.trim()).join('; ').slice(0, 200)}` };
  return { applied: true, detail: `user-only ACL set on ${dir} for ${who} and SYSTEM` };
}
