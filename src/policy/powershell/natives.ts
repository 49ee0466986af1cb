// Windows programs by meaning (from PowerShell or cmd.exe): ACLs and ownership, users and groups, firewall,
// registry, scheduled tasks and services, credential stores, the LOLBins that fetch or hide code, and cmd.exe's
// builtins. Returns false for a program it does not know, which is then judged by the bash analyzer.
import type { PsAnalyzer, PsCommand } from './analyzer';
import { sq } from './quote';
import { elementsOf, partsText, textOf, type PsWord } from './words';

const SECURITY_SERVICES = /^(windefend|wdnissvc|sense|mpssvc|wscsvc|securityhealthservice|eventlog|bfe|wuauserv|sysmon\d*)$/i;

function texts(ws: readonly PsWord[]): string[] {
  return ws.map((w) => textOf(w) ?? '\u0000');
}

/** Words after the program, as one lower-case line (switches with `/` or `-`). */
function line(ws: readonly PsWord[]): string {
  return texts(ws).join(' ').toLowerCase();
}

function all(c: PsCommand, a: PsAnalyzer, rule: Parameters<PsAnalyzer['hitCmd']>[0], message: string, risk?: Parameters<PsAnalyzer['hitCmd']>[3]): true {
  a.hitCmd(rule, message, c, risk);
  return true;
}

/** A path-ish cmd/native word → bash path words. */
function pathWords(a: PsAnalyzer, ws: readonly PsWord[], glob = true): string {
  return ws.flatMap((w) => a.bashWords(w, true, glob && !w.quoted)).join(' ');
}

const isSwitch = (w: PsWord): boolean => /^\/[A-Za-z?]/.test(w.raw) && !/^\/[A-Za-z]\w*\//.test(w.raw);

export function nativeCommand(a: PsAnalyzer, c: PsCommand, bare: string): boolean {
  const ws = c.words;
  const t = texts(ws);
  const l = line(ws);
  // cmd.exe's builtins first (only when cmd reads the line: in PowerShell `dir`, `type`, `del` are aliases).
  if (c.cmd) {
    const ops = ws.filter((w) => !isSwitch(w));
    const sw = ws.filter(isSwitch).map((w) => w.raw.toLowerCase());
    switch (bare) {
      case 'type':
      case 'more':
        for (const w of ops) a.sweepsSecrets(w, 'children', c, 'Reads');
        if (ops.length > 0) a.viaBash(`cat -- ${pathWords(a, ops)}`, c, false);
        return true;
      case 'del':
      case 'erase':
        if (ops.length > 0) a.viaBash(`rm ${sw.includes('/s') ? '-r ' : ''}-f -- ${pathWords(a, ops)}`, c, false);
        return true;
      case 'rd':
      case 'rmdir':
        if (ops.length > 0) a.viaBash(`rm ${sw.includes('/s') ? '-r ' : ''}-f -- ${pathWords(a, ops, false)}`, c, false);
        return true;
      case 'copy':
      case 'move':
        for (const w of ops.slice(0, 1)) a.sweepsSecrets(w, 'children', c, 'Copies');
        if (ops.length > 0) a.viaBash(`${bare === 'copy' ? 'cp' : 'mv'} -- ${pathWords(a, ops)}${ops.length === 1 ? ' .' : ''}`, c, false);
        return true;
      case 'ren':
      case 'rename': {
        const [src, nn] = ops;
        const s = src ? textOf(src) : undefined;
        const n = nn ? textOf(nn) : undefined;
        if (s !== undefined && n !== undefined) a.viaBash(`mv -- ${a.pathWord(s, false)} ${a.pathWord(s.replace(/[^\\/]*$/, '') + n, false)}`, c, false);
        return true;
      }
      case 'dir':
        if (sw.includes('/s')) for (const w of ops.length > 0 ? ops : [undefined]) a.sweepsSecrets(w, 'tree', c, 'Lists');
        a.viaBash(`ls ${sw.includes('/s') ? '-R ' : ''}${sw.some((s) => s.startsWith('/a')) ? '-a ' : ''}-- ${ops.length > 0 ? pathWords(a, ops) : '.'}`, c, false);
        return true;
      case 'md':
      case 'mkdir':
        if (ops.length > 0) a.viaBash(`mkdir -p -- ${pathWords(a, ops, false)}`, c, false);
        return true;
      case 'cd':
      case 'chdir':
      case 'pushd': {
        const p = ops[0] ? textOf(ops[0]) : undefined;
        a.cwd = p === undefined ? (ops.length === 0 ? a.cwd : undefined) : /^[A-Za-z]:[\\/]|^[\\/]/.test(p) ? p.replace(/\\/g, '/') : a.cwd ? `${a.cwd.replace(/[\\/]+$/, '')}/${p.replace(/\\/g, '/')}` : undefined;
        return true;
      }
      case 'popd':
        a.cwd = undefined;
        return true;
      case 'mklink': {
        const [link, target] = ops;
        if (link && target) a.viaBash(`ln -s -- ${pathWords(a, [target], false)} ${pathWords(a, [link], false)}`, c, false);
        return true;
      }
      case 'echo':
      case 'rem':
      case 'cls':
      case 'ver':
      case 'title':
      case 'color':
      case 'pause':
      case 'exit':
      case 'setlocal':
      case 'endlocal':
      case 'vol':
      case 'path':
      case 'prompt':
      case 'chcp':
        return true;
      case 'call':
      case 'start': {
        // `start "title" prog args`, `call x.bat`: the rest is a command.
        let rest = ws;
        if (bare === 'start') {
          if (rest[0]?.quoted) rest = rest.slice(1);
          rest = rest.filter((w) => !isSwitch(w));
        }
        const [first, ...more] = rest;
        const name = first ? textOf(first) : undefined;
        if (name === undefined) return first ? all(c, a, 'opaque.dynamic-command', 'Runs a command whose name is computed at run time.') : true;
        a.dispatch({ ...c, name, words: more });
        return true;
      }
    }
  }
  switch (bare) {
    case 'cmd': {
      const at = ws.findIndex((w) => /^\/[ckr]$/i.test(w.raw));
      if (at < 0) return ws.length === 0 ? true : all(c, a, 'exec.unknown-command', 'Starts cmd.exe.', 'review');
      const rest = ws.slice(at + 1);
      if (rest.length === 0) return true;
      // `cmd /c "a & b"` is one word; `cmd /c a b` is the rest of the line, as cmd.exe reads it.
      const first = rest[0]!;
      const code = rest.length === 1 ? textOf(first) : rest.map((w) => textOf(w) ?? w.raw).join(' ');
      if (code === undefined) return all(c, a, 'opaque.eval', 'Runs cmd.exe code computed at run time, so what it does cannot be seen.');
      a.runCmd(code, { base: undefined, start: c.origin.base === undefined ? c.origin.start : c.origin.base + first.start, end: c.origin.base === undefined ? c.origin.end : c.origin.base + rest[rest.length - 1]!.end }, c.nesting + 1);
      return true;
    }
    case 'icacls':
    case 'cacls':
    case 'xcacls': {
      if (/\/(grant|deny|remove|reset|inheritance|restore|setintegritylevel|substitute)\b|\s\/[gepd]\b|^\/[gepd]\b/.test(l)) a.hitCmd('perm.acl', 'Changes who may access files (icacls).', c);
      if (/\/setowner\b/.test(l)) a.hitCmd('perm.owner', 'Changes the owner of files (icacls /setowner).', c);
      if (/\/save\b/.test(l)) a.hitCmd('system.service', 'Saves the ACLs of files to restore elsewhere.', c);
      return true;
    }
    case 'takeown':
      return all(c, a, 'perm.owner', 'Takes ownership of files (takeown).');
    case 'net':
    case 'net1': {
      const sub = t[0]?.toLowerCase() ?? '';
      const rest = ws.slice(1);
      if (/^(user|users|localgroup|group)$/.test(sub)) {
        const changes = rest.length >= 2 || /\/(add|delete|del|active|passwordreq|passwordchg|expires|times)\b/.test(l) || rest.some((w) => textOf(w) === '*');
        if (changes) a.hitCmd('perm.users', `Changes Windows users or groups (net ${sub}).`, c);
        return true;
      }
      if (sub === 'accounts' && rest.length > 0) return all(c, a, 'perm.system', 'Changes the password and lock-out policy (net accounts).');
      if (sub === 'share' && rest.some((w) => /=|\/grant/i.test(w.raw))) return all(c, a, 'perm.acl', 'Shares a folder on the network (net share).');
      if (sub === 'use') return all(c, a, /\/user:|\s\S+\s+\S+/.test(l) ? 'net.command' : 'net.command', 'Connects a network drive (net use).');
      if (sub === 'stop' || sub === 'start' || sub === 'pause') {
        const svc = t.slice(1).join(' ');
        return all(c, a, SECURITY_SERVICES.test(svc.replace(/"/g, '').trim()) || /defender|firewall|event log/i.test(svc) ? 'perm.system' : 'system.service', `${sub === 'start' ? 'Starts' : 'Stops'} the Windows service ${svc}.`);
      }
      return true;
    }
    case 'netsh': {
      if (/\b(advfirewall|firewall)\b/.test(l) && /\b(set|add|delete|reset|import|del)\b/.test(l)) return all(c, a, 'perm.firewall', 'Changes the Windows firewall (netsh).');
      if (/\binterface\s+portproxy\s+(add|set|delete)\b/.test(l)) return all(c, a, 'perm.firewall', 'Forwards a network port (netsh portproxy).');
      if (/\bwlan\b.*\bkey\s*=\s*clear\b/.test(l)) return all(c, a, 'secret.credential-cli', 'Shows saved Wi-Fi passwords (netsh wlan key=clear).');
      if (/\bhttp\s+(add|delete)\s+(urlacl|sslcert)\b/.test(l)) return all(c, a, 'system.service', 'Changes who may listen on an HTTP URL or its certificate (netsh http).');
      if (/\b(set|add|delete|reset)\b/.test(l)) return all(c, a, 'system.service', 'Changes network settings (netsh).');
      return true;
    }
    case 'cmdkey':
      return all(c, a, 'secret.credential-cli', /\/list/.test(l) ? 'Lists the credentials Windows stores (cmdkey /list).' : 'Adds, uses or deletes a credential Windows stores (cmdkey).');
    case 'vaultcmd':
      return all(c, a, 'secret.credential-cli', 'Reads the Windows credential vault (vaultcmd).');
    case 'reg': {
      const sub = t[0]?.toLowerCase() ?? '';
      const key = t[1] ?? '';
      if (sub === 'query' && a.registryRead(key, /\/s\b/i.test(l), c)) return true;
      if (/^(save|export|copy)$/.test(sub) && a.registryRead(key, true, c, true)) return true;
      if (/^(add|delete|copy)$/.test(sub)) {
        a.registryWrite(key, c.origin, c.start, c.end);
        return true;
      }
      if (/^(import|restore|load|unload)$/.test(sub)) return all(c, a, 'perm.system', `Loads registry content into the live registry (reg ${sub}).`);
      if (/^(save|export)$/.test(sub)) {
        if (/^(hklm|hkey_local_machine)\\(sam|system|security)\b/i.test(key)) return all(c, a, 'secret.credential-cli', `Copies the ${key} registry hive, which holds the system's password hashes and secrets.`);
        const out = ws[2];
        if (out) a.viaBash(`echo "$PS_OUTPUT" > ${pathWords(a, [out], false)}`, c, false);
        return true;
      }
      return true;
    }
    case 'schtasks': {
      if (/\/(create|change)\b/.test(l)) return all(c, a, 'perm.persistence', 'Creates or changes a scheduled task, which runs code later and on its own (schtasks).');
      if (/\/(delete|end|run)\b/.test(l)) return all(c, a, 'system.service', 'Runs, stops or deletes a scheduled task (schtasks).');
      return true;
    }
    case 'sc': {
      const sub = t[0]?.toLowerCase() ?? '';
      const svc = (t[1] ?? '').replace(/"/g, '');
      if (sub === 'create') return all(c, a, 'perm.persistence', 'Installs a Windows service, which runs code at start-up with high privileges (sc create).');
      if (/^(config|failure|sdset|privs|sidtype|triggerinfo)$/.test(sub)) return all(c, a, SECURITY_SERVICES.test(svc) ? 'perm.system' : 'perm.persistence', `Changes how the Windows service ${svc} runs (sc ${sub}).`);
      if (/^(stop|start|pause|delete|control)$/.test(sub)) return all(c, a, SECURITY_SERVICES.test(svc) ? 'perm.system' : 'system.service', `${sub === 'start' ? 'Starts' : sub === 'delete' ? 'Deletes' : 'Stops'} the Windows service ${svc}.`);
      if (/^(query|queryex|qc|qdescription|qfailure|getdisplayname|getkeyname|enumdepend|sdshow)$/.test(sub)) return true;
      return false;
    }
    case 'runas':
    case 'gsudo':
    case 'psexec':
    case 'psexec64':
      return all(c, a, 'perm.elevate', `Runs a program as another user or as administrator (${bare}).`);
    case 'wmic': {
      if (/\bshadowcopy\b.*\bcreate\b/i.test(l)) return all(c, a, 'secret.credential-cli', 'Makes a shadow copy, the way to copy the locked password hives (SAM, SYSTEM, NTDS.dit).');
      if (/\bprocess\b.*\bcall\s+create\b/.test(l)) return all(c, a, 'opaque.dynamic-command', 'Starts a process through WMI (wmic process call create).');
      if (/\bshadowcopy\b.*\bdelete\b/.test(l)) return all(c, a, 'perm.system', 'Deletes the volume shadow copies (the backups Windows keeps).');
      if (/\buseraccount\b.*\bset\b/.test(l)) return all(c, a, 'perm.users', 'Changes a user account (wmic).');
      if (/\/node:/.test(l)) return all(c, a, 'exec.remote', 'Runs WMI commands on another computer.');
      if (/\b(call|set|delete|create)\b/.test(l)) return all(c, a, 'system.service', 'Changes the system through WMI.');
      return true;
    }
    case 'ntdsutil':
      return all(c, a, 'secret.credential-cli', "Runs ntdsutil, which copies the domain's password database (NTDS.dit) and registry hives.");
    case 'diskshadow':
      return all(c, a, 'secret.credential-cli', 'Runs diskshadow, which makes shadow copies to copy locked files such as the password hives.');
    case 'vssadmin':
    case 'wbadmin':
      if (/\bcreate\s+shadow\b/i.test(l) || /\bstart\s+backup\b.*\b(systemstatebackup|allcritical)\b/i.test(l)) return all(c, a, 'secret.credential-cli', 'Makes a shadow copy or system-state backup, the way to copy the locked password hives (SAM, SYSTEM, NTDS.dit).');
      if (/\b(delete|resize)\b/.test(l)) return all(c, a, 'perm.system', 'Deletes the backups Windows keeps (shadow copies), as ransomware does.');
      return true;
    case 'bcdedit':
      if (/\/(set|deletevalue|delete|create|import)\b/.test(l)) return all(c, a, 'perm.system', 'Changes the boot configuration (bcdedit).');
      return true;
    case 'wevtutil':
      if (/\b(cl|clear-log|sl|set-log)\b/.test(l)) return all(c, a, 'perm.system', 'Clears or changes the Windows event logs (erases the record of what happened).');
      return true;
    case 'auditpol':
      if (/\/(set|clear|remove|restore)\b/.test(l)) return all(c, a, 'perm.system', 'Changes the audit policy (auditpol).');
      return true;
    case 'secedit':
      if (/\/(configure|import)\b/.test(l)) return all(c, a, 'perm.system', 'Changes the local security policy (secedit).');
      return true;
    case 'certutil': {
      if (/-(exportpfx|exportpfx)\b|-privatekey/.test(l)) return all(c, a, 'secret.credential-cli', 'Exports a certificate with its private key (certutil).');
      if (/-(addstore|importpfx)\b/.test(l)) return all(c, a, 'perm.tls', 'Adds a certificate to a Windows trust store (certutil), which changes what this computer trusts.');
      if (/-(urlcache|verifyctl|ping)\b|https?:\/\//.test(l)) return all(c, a, 'opaque.remote-code', 'Downloads a file with certutil (a way to fetch code past filters).');
      if (/-(decode|decodehex)\b/.test(l)) {
        const out = ws[ws.length - 1];
        if (out) a.viaBash(`echo "$PS_OUTPUT" > ${pathWords(a, [out], false)}`, c, false);
        return all(c, a, 'exec.indirect', 'Decodes base64 or hex into a file (certutil -decode).', 'review');
      }
      if (/-hashfile\b/.test(l)) {
        const f = ws.find((w) => !/^-/.test(w.raw));
        if (f) a.viaBash(`sha256sum -- ${pathWords(a, [f], false)}`, c, false);
      }
      return true;
    }
    case 'bitsadmin':
      if (/\/(transfer|addfile|setnotifycmdline)\b/.test(l)) return all(c, a, /setnotifycmdline/.test(l) ? 'perm.persistence' : 'net.command', 'Transfers files in the background (bitsadmin).');
      return true;
    case 'mshta':
    case 'regsvr32':
    case 'msiexec':
    case 'installutil':
    case 'regasm':
    case 'regsvcs':
    case 'odbcconf':
    case 'msxsl':
    case 'cmstp':
      if (bare === 'msiexec' && !/https?:\/\//.test(l)) return all(c, a, 'pkg.install', 'Installs or removes a Windows package (msiexec).');
      return all(c, a, /https?:\/\/|\/i:/.test(l) ? 'opaque.remote-code' : 'opaque.interpreter', `Runs code through ${bare}, a Windows program that loads and runs scripts or libraries.`);
    case 'rundll32':
      if (/comsvcs(\.dll)?.*minidump|lsass/.test(l)) return all(c, a, 'secret.credential-cli', "Dumps a process's memory (lsass holds the logged-in users' credentials).");
      return all(c, a, 'opaque.interpreter', 'Runs a function from a DLL (rundll32), which can do anything.');
    case 'procdump':
    case 'procdump64':
      if (/lsass/.test(l)) return all(c, a, 'secret.credential-cli', "Dumps lsass's memory, which holds the logged-in users' credentials.");
      return all(c, a, 'proc.kill', 'Dumps a process memory (procdump).', 'review');
    case 'mimikatz':
    case 'lazagne':
    case 'rubeus':
    case 'secretsdump':
      return all(c, a, 'secret.credential-cli', `Runs ${bare}, a tool that extracts stored passwords and tickets.`);
    case 'cscript':
    case 'wscript':
      return all(c, a, 'exec.script', `Runs a Windows Script Host script (${bare}), whose content Countersign cannot see.`);
    case 'setx': {
      const machine = ws.some((w) => /^\/m$/i.test(w.raw));
      return all(c, a, machine ? 'perm.system' : 'system.service', machine ? 'Sets a machine-wide environment variable for every user (setx /m).' : 'Sets a persistent environment variable for this user (setx).');
    }
    case 'taskkill':
    case 'tskill':
      return all(c, a, 'proc.kill', 'Stops processes (taskkill).');
    case 'shutdown':
      return all(c, a, 'system.service', 'Shuts down or restarts the computer.');
    case 'format':
      if (ws.some((w) => /^[A-Za-z]:$/.test(textOf(w) ?? ''))) return all(c, a, 'destroy.disk', 'Formats a disk (erases everything on it).');
      return false;
    case 'diskpart':
    case 'cipher':
      if (bare === 'cipher' && !/\/w/.test(l)) return true;
      return all(c, a, 'perm.system', bare === 'diskpart' ? 'Changes disks and partitions (diskpart).' : 'Wipes free disk space (cipher /w).');
    case 'attrib':
      if (/[+-][hs]\b/.test(l)) return all(c, a, 'system.service', 'Hides files or marks them as system files (attrib).');
      return true;
    case 'winget':
    case 'choco':
    case 'scoop': {
      const sub = t[0]?.toLowerCase() ?? '';
      if (/^(install|upgrade|update|uninstall|remove|add|import|source)$/.test(sub)) return all(c, a, 'pkg.install', `Installs or changes software (${bare} ${sub}).`);
      return true;
    }
    case 'findstr': {
      const sw = ws.filter(isSwitch);
      const rest = ws.filter((w) => !isSwitch(w));
      const explicit = sw.find((w) => /^\/c:/i.test(w.raw));
      const pattern = explicit ? (textOf(explicit) ?? '').slice(3) : rest[0] ? textOf(rest[0]) : undefined;
      const files = explicit ? rest : rest.slice(1);
      // Switches combine (`/si`, `/sim`); `/c:` and the other colon forms take values.
      const recursive = sw.some((w) => /^\/[a-z]*s[a-z]*$/i.test(w.raw));
      // `findstr /s x dir\*.xml` searches the whole tree under dir.
      for (const f of files) a.sweepsSecrets(f, recursive ? 'tree' : 'children', c, 'Searches');
      const targets = recursive ? files.map((f) => (textOf(f) ?? '').replace(/[\\/][^\\/]*[*?][^\\/]*$/, '') || '.').map((d) => a.pathWord(d, false)).join(' ') : pathWords(a, files);
      if (files.length > 0) a.viaBash(`grep ${recursive ? '-r ' : ''}-- ${pattern !== undefined ? sq(pattern) : '"$PS_VALUE"'} ${targets}`, c, false);
      return true;
    }
    case 'xcopy':
    case 'robocopy': {
      const ops = ws.filter((w) => !isSwitch(w));
      if (ops[0]) a.sweepsSecrets(ops[0], 'tree', c, 'Copies');
      if (ops.length >= 2) {
        const files = bare === 'robocopy' && ops.length > 2 ? ops.slice(2).map((f) => elementsOf(f).map(partsText)[0]) : undefined;
        const src = textOf(ops[0]!);
        const sources = files && src !== undefined ? files.map((f) => a.pathWord(`${src}/${f ?? '*'}`, true)).join(' ') : pathWords(a, [ops[0]!]);
        a.viaBash(`cp -r -- ${sources} ${pathWords(a, [ops[1]!], false)}`, c, false);
      }
      if (/\/(mir|purge)\b/.test(l)) a.viaBash(`rm -r -- ${pathWords(a, [ops[1] ?? ops[0]!], false)}/'*'`, c, false);
      return true;
    }
    case 'where':
    case 'whoami':
    case 'hostname':
    case 'systeminfo':
    case 'ipconfig':
    case 'tasklist':
    case 'ver':
    case 'tree':
    case 'fc':
    case 'comp':
    case 'clip':
    case 'chcp':
    case 'nslookup':
    case 'ping':
    case 'tracert':
    case 'pathping':
    case 'netstat':
    case 'arp':
    case 'route':
    case 'getmac':
    case 'query':
    case 'qwinsta':
    case 'gpresult':
    case 'driverquery':
    case 'wsl':
      if (bare === 'route' && /\b(add|delete|change)\b/.test(l)) return all(c, a, 'system.service', 'Changes the routing table.');
      if (bare === 'wsl') return false;
      // Read-only system tools: their words are still tried as files.
      a.sweep(c, new Set());
      return true;
  }
  return false;
}
