// Cmdlets by meaning: built-in aliases to their cmdlets, and how each cmdlet binds its parameters (positions,
// switches, parameter aliases). Parameter names bind by unambiguous prefix, as PowerShell binds them.

/** Built-in aliases (Windows PowerShell 5.1 and PowerShell 7), lower case. `curl`/`wget` are aliases in 5.1. */
export const ALIASES: Record<string, string> = {
  gc: 'get-content', cat: 'get-content', type: 'get-content',
  sc: 'set-content', ac: 'add-content',
  rm: 'remove-item', del: 'remove-item', ri: 'remove-item', rd: 'remove-item', rmdir: 'remove-item', erase: 'remove-item',
  cp: 'copy-item', copy: 'copy-item', cpi: 'copy-item',
  mv: 'move-item', move: 'move-item', mi: 'move-item',
  ren: 'rename-item', rni: 'rename-item',
  ls: 'get-childitem', dir: 'get-childitem', gci: 'get-childitem',
  gi: 'get-item', gp: 'get-itemproperty', gpv: 'get-itempropertyvalue', sp: 'set-itemproperty', ni: 'new-item', md: 'new-item', mkdir: 'new-item',
  sls: 'select-string',
  iwr: 'invoke-webrequest', curl: 'invoke-webrequest', wget: 'invoke-webrequest', irm: 'invoke-restmethod',
  iex: 'invoke-expression', icm: 'invoke-command',
  start: 'start-process', saps: 'start-process',
  cd: 'set-location', sl: 'set-location', chdir: 'set-location', pushd: 'push-location', popd: 'pop-location',
  echo: 'write-output', write: 'write-output',
  select: 'select-object', where: 'where-object', '?': 'where-object', foreach: 'foreach-object', '%': 'foreach-object',
  sort: 'sort-object', group: 'group-object', measure: 'measure-object', ft: 'format-table', fl: 'format-list', fw: 'format-wide',
  pwd: 'get-location', gl: 'get-location', ps: 'get-process', gps: 'get-process', gcm: 'get-command', gm: 'get-member', gsv: 'get-service',
  cls: 'clear-host', clear: 'clear-host', sleep: 'start-sleep', kill: 'stop-process', spps: 'stop-process', tee: 'tee-object',
  rvpa: 'resolve-path', diff: 'compare-object', compare: 'compare-object', gal: 'get-alias', gv: 'get-variable', sv: 'set-variable', set: 'set-variable',
  ipmo: 'import-module', gmo: 'get-module', h: 'get-history', history: 'get-history', ghy: 'get-history', r: 'invoke-history', ihy: 'invoke-history',
  epal: 'export-alias', ipal: 'import-alias', ii: 'invoke-item', gdr: 'get-psdrive', ndr: 'new-psdrive', sajb: 'start-job', rcjb: 'receive-job', gjb: 'get-job',
  ogv: 'out-gridview', oh: 'out-host', nv: 'new-variable', cvpa: 'convert-path', clc: 'clear-content', cli: 'clear-item', clp: 'clear-itemproperty', rp: 'remove-itemproperty',
  gwmi: 'get-wmiobject', gcim: 'get-ciminstance', iwmi: 'invoke-wmimethod', icim: 'invoke-cimmethod', scb: 'set-clipboard', gcb: 'get-clipboard',
};

export interface ParamSpec {
  /** Parameter names in positional order. */
  positional: string[];
  /** Parameters that take no value. */
  switches?: string[];
  /** Other value-taking parameters (for prefix binding). */
  values?: string[];
  /** Parameter aliases → names. */
  aliases?: Record<string, string>;
}

const COMMON_SWITCHES = ['verbose', 'debug', 'whatif', 'confirm', 'force', 'passthru', 'recurse', 'usetransaction'];
const COMMON_VALUES = ['erroraction', 'warningaction', 'informationaction', 'errorvariable', 'warningvariable', 'outvariable', 'outbuffer', 'pipelinevariable', 'credential', 'filter', 'include', 'exclude', 'encoding'];
const PATH_ALIASES = { lp: 'literalpath', pspath: 'literalpath', fullname: 'path' };

export const SPECS: Record<string, ParamSpec> = {
  'get-content': { positional: ['path'], switches: ['raw', 'wait', 'asbytestream'], values: ['literalpath', 'totalcount', 'head', 'first', 'tail', 'last', 'readcount', 'delimiter', 'stream'], aliases: PATH_ALIASES },
  'set-content': { positional: ['path', 'value'], switches: ['nonewline', 'asbytestream'], values: ['literalpath', 'stream'], aliases: PATH_ALIASES },
  'add-content': { positional: ['path', 'value'], switches: ['nonewline', 'asbytestream'], values: ['literalpath', 'stream'], aliases: PATH_ALIASES },
  'clear-content': { positional: ['path'], values: ['literalpath'], aliases: PATH_ALIASES },
  'out-file': { positional: ['filepath', 'encoding'], switches: ['append', 'noclobber', 'nonewline'], values: ['literalpath', 'width', 'inputobject'], aliases: { path: 'filepath', lp: 'literalpath' } },
  'tee-object': { positional: ['filepath'], switches: ['append'], values: ['literalpath', 'variable', 'inputobject'], aliases: { path: 'filepath' } },
  'export-csv': { positional: ['path'], switches: ['append', 'notypeinformation', 'noclobber'], values: ['literalpath', 'delimiter', 'inputobject'], aliases: PATH_ALIASES },
  'export-clixml': { positional: ['path'], values: ['literalpath', 'depth', 'inputobject'], aliases: PATH_ALIASES },
  'import-csv': { positional: ['path'], values: ['literalpath', 'delimiter', 'header'], aliases: PATH_ALIASES },
  'import-clixml': { positional: ['path'], values: ['literalpath', 'first', 'skip'], aliases: PATH_ALIASES },
  'get-filehash': { positional: ['path'], values: ['literalpath', 'algorithm', 'inputstream'], aliases: PATH_ALIASES },
  'format-hex': { positional: ['path'], values: ['literalpath', 'inputobject', 'count', 'offset'], aliases: PATH_ALIASES },
  'remove-item': { positional: ['path'], values: ['literalpath', 'stream'], aliases: { ...PATH_ALIASES, r: 'recurse' } },
  'copy-item': { positional: ['path', 'destination'], switches: ['container'], values: ['literalpath', 'tosession', 'fromsession'], aliases: PATH_ALIASES },
  'move-item': { positional: ['path', 'destination'], values: ['literalpath'], aliases: PATH_ALIASES },
  'rename-item': { positional: ['path', 'newname'], values: ['literalpath'], aliases: PATH_ALIASES },
  'get-childitem': { positional: ['path', 'filter'], switches: ['name', 'directory', 'file', 'hidden', 'system', 'readonly', 'followsymlink'], values: ['literalpath', 'depth', 'attributes'], aliases: { ...PATH_ALIASES, s: 'recurse', r: 'recurse', fi: 'filter', ad: 'directory', af: 'file', ah: 'hidden' } },
  'get-item': { positional: ['path'], values: ['literalpath', 'stream'], aliases: PATH_ALIASES },
  'test-path': { positional: ['path'], switches: ['isvalid'], values: ['literalpath', 'pathtype', 'olderthan', 'newerthan'], aliases: PATH_ALIASES },
  'resolve-path': { positional: ['path'], switches: ['relative'], values: ['literalpath'], aliases: PATH_ALIASES },
  'get-acl': { positional: ['path'], switches: ['audit', 'allcentralaccesspolicies'], values: ['literalpath', 'inputobject'], aliases: PATH_ALIASES },
  'set-acl': { positional: ['path', 'aclobject'], switches: ['clearcentralaccesspolicy'], values: ['literalpath', 'inputobject', 'securitydescriptor'], aliases: PATH_ALIASES },
  'new-item': { positional: ['path', 'value'], values: ['name', 'itemtype', 'target'], aliases: { type: 'itemtype' } },
  'get-itemproperty': { positional: ['path', 'name'], values: ['literalpath'], aliases: PATH_ALIASES },
  'get-itempropertyvalue': { positional: ['path', 'name'], values: ['literalpath'], aliases: PATH_ALIASES },
  'set-itemproperty': { positional: ['path', 'name', 'value'], values: ['literalpath', 'type', 'inputobject'], aliases: { ...PATH_ALIASES, pspropertyname: 'name', propertytype: 'type' } },
  'new-itemproperty': { positional: ['path', 'name', 'value'], values: ['literalpath', 'propertytype'], aliases: { ...PATH_ALIASES, type: 'propertytype' } },
  'remove-itemproperty': { positional: ['path', 'name'], values: ['literalpath'], aliases: PATH_ALIASES },
  'select-string': { positional: ['pattern', 'path'], switches: ['simplematch', 'casesensitive', 'quiet', 'list', 'notmatch', 'allmatches', 'raw', 'noemphasis'], values: ['literalpath', 'context', 'inputobject'], aliases: PATH_ALIASES },
  'invoke-webrequest': { positional: ['uri'], switches: ['usebasicparsing', 'usedefaultcredentials', 'skipcertificatecheck', 'skiphttperrorcheck', 'disablekeepalive', 'resume', 'allowunencryptedauthentication'], values: ['method', 'body', 'headers', 'infile', 'outfile', 'contenttype', 'useragent', 'websession', 'sessionvariable', 'proxy', 'form', 'token', 'authentication', 'timeoutsec', 'maximumredirection'], aliases: { url: 'uri' } },
  'invoke-restmethod': { positional: ['uri'], switches: ['usebasicparsing', 'usedefaultcredentials', 'skipcertificatecheck', 'skiphttperrorcheck', 'disablekeepalive', 'resume', 'allowunencryptedauthentication'], values: ['method', 'body', 'headers', 'infile', 'outfile', 'contenttype', 'useragent', 'websession', 'sessionvariable', 'proxy', 'form', 'token', 'authentication', 'timeoutsec', 'maximumredirection'], aliases: { url: 'uri' } },
  'start-bitstransfer': { positional: ['source', 'destination'], switches: ['asynchronous'], values: ['description', 'displayname', 'transfertype', 'priority'] },
  'invoke-expression': { positional: ['command'] },
  'invoke-command': { positional: ['scriptblock', 'argumentlist'], switches: ['asjob', 'hidecomputername', 'noNewScope'], values: ['computername', 'session', 'filepath', 'credential', 'jobname', 'hostname', 'vmname', 'containerid'], aliases: { args: 'argumentlist', cn: 'computername' } },
  'start-job': { positional: ['scriptblock', 'argumentlist'], values: ['filepath', 'name', 'initializationscript'], aliases: { args: 'argumentlist' } },
  'start-process': { positional: ['filepath', 'argumentlist'], switches: ['wait', 'nonewwindow', 'usenewenvironment', 'loaduserprofile'], values: ['verb', 'workingdirectory', 'windowstyle', 'redirectstandardoutput', 'redirectstandardinput', 'redirectstandarderror', 'credential'], aliases: { args: 'argumentlist', path: 'filepath', pspath: 'filepath', lp: 'filepath' } },
  'set-location': { positional: ['path'], values: ['literalpath', 'stackname'], aliases: PATH_ALIASES },
  'push-location': { positional: ['path'], values: ['literalpath', 'stackname'], aliases: PATH_ALIASES },
  'expand-archive': { positional: ['path', 'destinationpath'], values: ['literalpath'], aliases: PATH_ALIASES },
  'compress-archive': { positional: ['path', 'destinationpath'], switches: ['update'], values: ['literalpath', 'compressionlevel'], aliases: PATH_ALIASES },
  'set-executionpolicy': { positional: ['executionpolicy', 'scope'] },
  'set-mppreference': { positional: [] },
  'add-mppreference': { positional: [] },
  'set-netfirewallprofile': { positional: [] },
  'new-localuser': { positional: ['name'] },
  'add-localgroupmember': { positional: ['group', 'member'], values: ['name', 'sid'] },
  'set-service': { positional: ['name'] },
  'stop-service': { positional: ['name'] },
  'start-service': { positional: ['name'] },
  'restart-service': { positional: ['name'] },
  'new-service': { positional: ['name', 'binarypathname'] },
  'new-object': { positional: ['typename', 'argumentlist'], values: ['comobject', 'property'], aliases: { args: 'argumentlist' } },
  'add-type': { positional: ['typedefinition'], values: ['assemblyname', 'path', 'literalpath', 'memberdefinition', 'name', 'namespace', 'language', 'referencedassemblies', 'outputassembly'] },
  'import-module': { positional: ['name'], switches: ['global', 'disablenamechecking', 'noclobber', 'asCustomObject'], values: ['prefix', 'minimumversion', 'requiredversion', 'scope'] },
  'foreach-object': { positional: ['process'], values: ['begin', 'end', 'membername', 'throttlelimit'], switches: ['parallel'] },
  'where-object': { positional: ['filterscript'] },
  'measure-command': { positional: ['expression'] },
  'get-credential': { positional: ['credential'], values: ['message', 'username', 'title'] },
  'convertto-securestring': { positional: ['string', 'securekey'], switches: ['asplaintext'], values: ['key'] },
  'invoke-item': { positional: ['path'], values: ['literalpath'], aliases: PATH_ALIASES },
  'get-itemproperties': { positional: ['path'] },
};

/** The spec of a cmdlet (the common parameters added), or a loose one for cmdlets without a table. */
export function specOf(cmdlet: string): ParamSpec {
  return SPECS[cmdlet] ?? { positional: [] };
}

export interface Bound {
  /** Parameter name → its words (switches: no words). */
  named: Map<string, number[]>;
  /** Positional words in order (indices into the command's words). */
  positional: number[];
  /** Switch present with an explicit `:$false`. */
  off: Set<string>;
}

function fullName(name: string, spec: ParamSpec): string {
  const alias = spec.aliases?.[name];
  if (alias) return alias;
  const all = [...spec.positional, ...(spec.switches ?? []), ...(spec.values ?? []), ...COMMON_SWITCHES, ...COMMON_VALUES];
  if (all.includes(name)) return name;
  const prefixed = [...new Set(all.filter((n) => n.startsWith(name)))];
  return prefixed.length === 1 ? prefixed[0]! : name;
}

/** Binds words (parameter names already read by the word reader) to parameters. */
export function bind(words: readonly { param?: string; inline?: unknown; redirect?: string; raw: string }[], spec: ParamSpec): Bound {
  const named = new Map<string, number[]>();
  const positional: number[] = [];
  const off = new Set<string>();
  const switches = new Set([...(spec.switches ?? []), ...COMMON_SWITCHES]);
  const valued = new Set([...spec.positional, ...(spec.values ?? []), ...COMMON_VALUES]);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.redirect) {
      i++;
      continue;
    }
    if (w.param === undefined) {
      positional.push(i);
      continue;
    }
    const name = fullName(w.param, spec);
    if (w.inline !== undefined) {
      named.set(name, [...(named.get(name) ?? []), i]);
      if (switches.has(name) && /^:\s*\$?(false|0)$/i.test(w.raw.slice(w.raw.indexOf(':')))) off.add(name);
      continue;
    }
    if (switches.has(name)) {
      named.set(name, named.get(name) ?? []);
      continue;
    }
    // A value-taking parameter (or one not in the table, which takes the next word unless that is a parameter).
    const next = words[i + 1];
    if (next && next.param === undefined && !next.redirect && (valued.has(name) || !switches.has(name))) {
      named.set(name, [...(named.get(name) ?? []), i + 1]);
      i++;
    } else named.set(name, named.get(name) ?? []);
  }
  // Positional words fill the positional parameters not given by name.
  return { named, positional, off };
}

/** The word indices of a parameter, named or at its position among the unnamed words. */
export function param(b: Bound, spec: ParamSpec, name: string): number[] {
  const byName = b.named.get(name);
  if (byName && byName.length > 0) return byName;
  const free = spec.positional.filter((p) => !b.named.has(p));
  const at = free.indexOf(name);
  if (at < 0) return [];
  // The last positional parameter takes the rest when the cmdlet has a remaining-arguments one (ArgumentList).
  const idx = b.positional[at];
  return idx === undefined ? [] : [idx];
}

/** Cmdlets whose verb is read-only and whose noun holds nothing secret: they run quietly (their words are still swept). */
const SAFE_VERBS = /^(get|test|measure|format|select|sort|group|compare|convertto|convertfrom|find|resolve|split|join|write|out|show|wait|trace|debug|read|search|use|watch|clear|confirm|checkpoint|import|initialize|update|publish|unpublish|new|push|pop|add|set|remove|start|stop|restart|enable|disable|invoke|register|unregister|install|uninstall|save|export|expand|compress|rename|copy|move|suspend|resume|reset|grant|revoke|protect|unprotect|block|unblock|lock|unlock|send|receive|connect|disconnect|mount|dismount|open|close|enter|exit|edit|limit|deny|approve|assert|complete|submit|request|redo|undo|optimize|repair|sync|merge|backup|restore|build|deploy)-/;

/** Verbs that change nothing (Microsoft's read-only verb groups). */
const READ_ONLY_VERBS = /^(get|test|measure|format|select|sort|group|compare|convertto|convertfrom|find|resolve|split|join|write|out-(string|host|null|default|gridview)|show|wait|trace|debug|read|search|watch|confirm|clear-host)(-|$)/;

/** A Verb-Noun name with a standard verb. */
export function isCmdletName(name: string): boolean {
  return SAFE_VERBS.test(name);
}

/** A cmdlet that only reads or formats (its path words are still checked). */
export function isReadOnlyCmdlet(name: string): boolean {
  return READ_ONLY_VERBS.test(name) && !/^(write-(eventlog)|out-file|out-printer)$/.test(name);
}
