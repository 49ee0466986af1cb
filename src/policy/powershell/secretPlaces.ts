// Places on Windows that hold secrets as a whole, whatever their files are called: the folders a recursive
// search, listing or archive must not sweep (the POSIX tree rule, src/policy/shell/treeReads.ts, needs the real
// folder on disk; these hold secrets on every machine), and the registry keys where Windows and common programs
// keep passwords. Pure.

/** Folders under the home folder that hold credentials on any Windows machine, with everything below them. */
const SECRET_DIRS_UNDER_HOME = /^(\.ssh|\.aws|\.azure|\.gnupg|\.config|\.docker|\.kube|\.gcloud|\.password-store|\.terraform\.d|appdata\/(local\/(google\/chrome|microsoft\/edge|bravesoftware\/brave-browser)\/user data|roaming\/mozilla\/firefox|roaming\/gh|(roaming|local)\/microsoft\/(credentials|protect|crypto|vault)|roaming\/code\/user\/globalstorage))(\/|$)/;
/** AppData's roots: swept whole they reach every store above (a program's own folder inside them does not). */
const APPDATA_ROOTS = /^appdata(\/(roaming|local|locallow))?$/;

const norm = (p: string): string => p.replace(/\\/g, '/').replace(/\/+$/, '').toLowerCase();

/**
 * Why sweeping everything under `abs` reaches secrets, or undefined. `abs` and `home` are resolved paths (either
 * separator, any case).
 */
export function secretRoot(abs: string, home: string): string | undefined {
  const a = norm(abs);
  const h = norm(home);
  if (a === h) return 'your home folder (SSH keys, cloud and package-registry credentials, browser profiles)';
  if (a === '' || /^[a-z]:$/.test(a) || h.startsWith(`${a}/`)) return 'a folder that holds your home folder';
  if (/^([a-z]:\/users|\/home|\/users)$/.test(a)) return "the folder that holds every user's home folder";
  if (a.startsWith(`${h}/`)) {
    const rest = a.slice(h.length + 1);
    if (SECRET_DIRS_UNDER_HOME.test(rest) || APPDATA_ROOTS.test(rest)) return `${rest} in your home folder, where credentials are kept`;
  }
  if (/^[a-z]:\/windows\/system32\/config(\/|$)/.test(a)) return "Windows' registry hives (password hashes)";
  return undefined;
}

/** A path inside a volume shadow copy (`\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy1\…`): the locked files' copies. */
export function shadowCopyPath(p: string): boolean {
  return /globalroot[\\/]+device[\\/]+harddiskvolumeshadowcopy/i.test(p);
}

/** A registry path in one form: `hklm\software\…` (drive, provider prefix, long hive names, `/` and case undone). */
export function registryKey(path: string): string | undefined {
  let p = path.trim().replace(/^["']|["']$/g, '').replace(/\//g, '\\');
  p = p.replace(/^(microsoft\.powershell\.core\\)?registry::/i, '');
  const m = /^(hklm|hkcu|hkcr|hku|hkcc|hkey_local_machine|hkey_current_user|hkey_classes_root|hkey_users|hkey_current_config):?(\\|$)/i.exec(p);
  if (!m) return undefined;
  const hive = { hkey_local_machine: 'hklm', hkey_current_user: 'hkcu', hkey_classes_root: 'hkcr', hkey_users: 'hku', hkey_current_config: 'hkcc' }[m[1]!.toLowerCase()] ?? m[1]!.toLowerCase();
  let rest = p.slice(m[0].length).replace(/\\+$/, '').toLowerCase();
  // Another user's hive under HKU\<SID> holds what HKCU holds.
  let h = hive;
  if (h === 'hku') {
    const sid = /^[^\\]+(\\|$)/.exec(rest);
    if (sid) {
      h = 'hkcu';
      rest = rest.slice(sid[0].length);
    }
  }
  return rest ? `${h}\\${rest}` : h;
}

/** Registry keys that hold passwords or password hashes, and what is there. */
const CREDENTIAL_KEYS: readonly [RegExp, string][] = [
  [/^hklm\\sam(\\|$)/, 'the local accounts\' password hashes (SAM)'],
  [/^hklm\\security(\\|$)/, 'the LSA secrets and cached domain logons (SECURITY)'],
  [/^hklm\\software\\microsoft\\windows nt\\currentversion\\winlogon(\\|$)/, 'the automatic logon password (Winlogon DefaultPassword)'],
  [/^hkcu\\software\\simontatham\\putty\\sessions(\\|$)/, "PuTTY's saved sessions (proxy passwords)"],
  [/^hkcu\\software\\martin prikryl\\winscp 2\\sessions(\\|$)/, "WinSCP's saved sessions (passwords)"],
  [/^hk(cu|lm)\\software\\(orl\\winvnc3|realvnc|tightvnc|wow6432node\\(realvnc|tightvnc))(\\|$)/, 'a VNC server password'],
  [/^hkcu\\software\\openssh\\agent(\\|$)/, "the keys held by Windows' ssh-agent"],
  [/^hklm\\system\\(currentcontrolset|controlset\d+)\\services\\snmp(\\|$)/, 'SNMP community strings'],
  [/^hkcu\\software\\microsoft\\office\\[^\\]+\\outlook\\profiles(\\|$)/, "Outlook's account passwords"],
  [/^hkcu\\software\\microsoft\\windows nt\\currentversion\\windows messaging subsystem\\profiles(\\|$)/, "Outlook's account passwords"],
];

/** Hives that, copied whole, give the system's password hashes (SYSTEM holds the key SAM is encrypted with). */
const HASH_HIVES = /^hklm\\(sam|security|system)$/;

/**
 * What reading `key` exposes, or undefined. `recursive`: the key and everything below it (`reg query /s`,
 * `Get-ChildItem -Recurse`, an export or a saved hive), so a parent of a credential key counts too.
 */
export function credentialKey(key: string, recursive: boolean, copiesHive = false): string | undefined {
  if (copiesHive && HASH_HIVES.test(key)) return 'a registry hive the password hashes are read from';
  for (const [re, what] of CREDENTIAL_KEYS) if (re.test(key)) return what;
  if (!recursive) return undefined;
  const samples = ['hklm\\sam', 'hklm\\security', 'hklm\\software\\microsoft\\windows nt\\currentversion\\winlogon', 'hkcu\\software\\simontatham\\putty\\sessions', 'hkcu\\software\\martin prikryl\\winscp 2\\sessions', 'hkcu\\software\\openssh\\agent'];
  const under = samples.find((s) => s === key || s.startsWith(`${key}\\`) || key === s.split('\\')[0]);
  return under ? `everything under it, including ${under}` : undefined;
}
