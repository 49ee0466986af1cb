// Where Windows keeps secrets and start-up code that the POSIX-shaped defaults do not name. Matched like every
// built-in glob: case-insensitively, on forward-slash absolute paths (`C:\Users\dev\AppData` is
// `C:/Users/dev/AppData`), `**`-led so any user's profile counts.
import type { PathRuleSpec } from './defaults';

const secret = (label: string, globs: string[]): PathRuleSpec[] => globs.map((glob) => ({ glob, category: 'secret', access: 'any', label }));
const system = (label: string, globs: string[]): PathRuleSpec[] => globs.map((glob) => ({ glob, category: 'system', access: 'write', label }));

export const WINDOWS_SECRET_PATHS: PathRuleSpec[] = [
  ...secret('Windows credential stores (DPAPI keys, Credential Manager, vaults)', [
    '**/AppData/{Roaming,Local}/Microsoft/Credentials/**',
    '**/AppData/{Roaming,Local}/Microsoft/Protect/**',
    '**/AppData/{Roaming,Local}/Microsoft/Vault/**',
    '**/ProgramData/Microsoft/Vault/**',
    'C:/Windows/System32/config/{SAM,SYSTEM,SECURITY}',
    'C:/Windows/System32/config/RegBack/**',
    'C:/Windows/repair/{SAM,SYSTEM,SECURITY}',
    '**/NTDS/ntds.dit',
  ]),
  ...secret('stored browser logins', [
    '**/AppData/Local/{Google/Chrome,Google/Chrome Beta,Chromium,Microsoft/Edge,BraveSoftware/Brave-Browser,Vivaldi}/User Data/*/{Login Data,Cookies,Network/Cookies,Web Data}',
    '**/AppData/Local/{Google/Chrome,Microsoft/Edge,BraveSoftware/Brave-Browser}/User Data/Local State',
    '**/AppData/Roaming/Mozilla/Firefox/Profiles/*/{logins.json,key4.db,cookies.sqlite}',
  ]),
  ...secret('the PowerShell command history', ['**/PSReadLine/*_history.txt']),
  ...secret('cloud and tool credentials (Windows locations)', [
    '**/AppData/Roaming/gcloud/**',
    '**/AppData/Roaming/GitHub CLI/hosts.yml',
    '**/AppData/Roaming/gh/hosts.yml',
    '**/AppData/Roaming/Microsoft/Crypto/**',
    '**/AppData/Roaming/mRemoteNG/confCons.xml',
    '**/AppData/Roaming/Subversion/auth/**',
    '**/AppData/Roaming/rclone/rclone.conf',
    '**/AppData/Roaming/npm/etc/npmrc',
    '**/AppData/Roaming/Docker/**/config.json',
    '**/AppData/Roaming/FileZilla/{sitemanager,recentservers}.xml',
    '**/AppData/Roaming/WinSCP.ini',
    '**/AppData/Local/Packages/*/LocalState/**/*.kdbx',
    '**/unattend.xml',
    '**/Unattend/**/*.xml',
    '**/sysprep.inf',
  ]),
];

export const WINDOWS_SYSTEM_PATHS: PathRuleSpec[] = [
  ...system('a system file', ['C:/Program Files/**', 'C:/Program Files (x86)/**', 'C:/ProgramData/Microsoft/**']),
  ...system('a Windows start-up location (runs at log-on)', [
    '**/Start Menu/Programs/Startup/**',
    '**/Start Menu/Programs/StartUp/**',
    '**/Documents/{WindowsPowerShell,PowerShell}/*profile.ps1',
    '**/{WindowsPowerShell,PowerShell}/profile.ps1',
  ]),
];
