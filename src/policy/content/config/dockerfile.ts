// Dockerfiles read as instructions (continuation lines joined, per build stage): the image's final user is root,
// modes that make files world-writable or setuid, passwordless sudo, insecure build steps, secret literals in
// ENV/ARG. `USER root` to install packages followed by `USER app` is ordinary; so is `chmod +x` and `--chown`.
import { Findings } from './tree';

interface Instruction {
  op: string;
  args: string;
  start: number;
  end: number;
}

export function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let cur: Instruction | undefined;
  for (const raw of lines) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    if (cur) {
      if (/^\s*#/.test(line)) continue;
      cur.args += ` ${line.replace(/\\\s*$/, '').trim()}`;
      cur.end = lineStart + line.length;
      if (!/\\\s*$/.test(line)) {
        out.push(cur);
        cur = undefined;
      }
      continue;
    }
    const m = /^\s*([A-Za-z]+)(?:\s+(.*))?$/.exec(line);
    if (!m || /^\s*#/.test(line)) continue;
    const ins: Instruction = { op: m[1]!.toUpperCase(), args: (m[2] ?? '').replace(/\\\s*$/, '').trim(), start: lineStart + line.indexOf(m[1]!), end: lineStart + line.length };
    if (/\\\s*$/.test(line)) cur = ins;
    else out.push(ins);
  }
  if (cur) out.push(cur);
  return out;
}

/** World-writable (not a sticky /tmp) or setuid/setgid modes, numeric or symbolic. */
export function dangerousMode(mode: string, target = ''): string | undefined {
  const m = mode.trim();
  if (/^[0-7]{3,4}$/.test(m)) {
    const n = parseInt(m, 8);
    if (n & 0o6000) return `${m} sets the setuid/setgid bit`;
    if (n & 0o002 && !(n & 0o1000 && /(?:^|\s)\/(?:var\/)?tmp\b/.test(target))) return `${m} makes it world-writable`;
    return undefined;
  }
  for (const clause of m.split(',')) {
    const c = /^([ugoa]*)([+=])([rwxXst]*)$/.exec(clause);
    if (!c) continue;
    if (c[3]!.includes('s')) return `${clause} sets the setuid/setgid bit`;
    if (c[3]!.includes('w') && (c[1]!.includes('o') || c[1]!.includes('a'))) return `${clause} makes it world-writable`;
  }
  return undefined;
}

const SECRET_NAME = /(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIALS?|AUTH)(?:_|$)/i;
const NOT_SECRET_NAME = /(?:_FILE|_PATH|_DIR|_URL_PATH|_LENGTH|_TTL|_HEADER|_NAME|_ID)$/i;

function envFindings(ins: Instruction, text: string, f: Findings): void {
  // ENV A=1 B="2"   |   ENV A 1   |   ARG A=1
  const pairs: [string, string][] = [];
  if (/^\w+\s+[^=]*$/.test(ins.args) && ins.op === 'ENV') pairs.push([ins.args.split(/\s+/)[0]!, ins.args.slice(ins.args.indexOf(' ') + 1).trim()]);
  else for (const m of ins.args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)) pairs.push([m[1]!, m[2]!.replace(/^["']|["']$/g, '')]);
  for (const [name, value] of pairs) {
    if (!SECRET_NAME.test(name) || NOT_SECRET_NAME.test(name)) continue;
    if (value.length < 6 || /^\$|\$\{|^<.*>$|^(?:changeme|placeholder|dummy|example|none|null|false|true|xxx+|\*+)$/i.test(value)) continue;
    const at = text.indexOf(value, ins.start);
    f.add('content.secret', at >= 0 ? { start: at, end: at + value.length } : ins, `${ins.op} ${name} bakes a secret value into every layer of the image.`, `env|${name}|${value}`);
  }
}

export function dockerfileFindings(text: string, f: Findings): void {
  const all = instructions(text);
  let stageStart = 0;
  all.forEach((ins, i) => {
    if (ins.op === 'FROM') stageStart = i;
  });
  const finalStage = all.slice(stageStart);
  const users = finalStage.filter((i) => i.op === 'USER');
  const last = users[users.length - 1];
  if (last && /^(?:root|0)(?::(?:root|0))?$/i.test(last.args.trim())) f.add('content.dockerfile-root', last, `the image's final user is root (${last.op} ${last.args}), so the container runs as root.`, 'final-user-root');
  else if (last && !/^\$/.test(last.args.trim())) f.guard('content.dockerfile-root', 'final-user-nonroot', `drops the final non-root USER, so the container runs as the base image's user (usually root).`, last);
  for (const ins of all) {
    if (ins.op === 'RUN') {
      if (/--security=insecure/.test(ins.args)) f.add('content.privileged', ins, 'runs a build step with --security=insecure (privileged).', `insecure|${ins.args}`);
      for (const m of ins.args.matchAll(/\bchmod\s+((?:-[A-Za-z]+\s+|--\w[\w-]*\s+)*)(\S+)\s+([^;&|]*)/g)) {
        const why = dangerousMode(m[2]!, m[3]);
        if (why) f.add('perm.mode', ins, `RUN chmod ${m[2]} ${m[3]!.trim()}: ${why}.`, `chmod|${m[2]}|${m[3]!.trim()}`);
      }
      if (/NOPASSWD|\/etc\/sudoers/.test(ins.args)) f.add('perm.elevate', ins, 'gives a user passwordless sudo inside the image.', `sudoers|${ins.args}`);
      if (/\b(?:chown|chmod)\b[^;&|]*\s\/(?:\s|$)/.test(ins.args) && /\s-R\b|--recursive/.test(ins.args)) f.add('perm.mode', ins, 'changes modes or owners of the whole filesystem recursively.', `rootperm|${ins.args}`);
    } else if (ins.op === 'COPY' || ins.op === 'ADD') {
      const m = /--chmod=(\S+)/.exec(ins.args);
      const why = m ? dangerousMode(m[1]!) : undefined;
      if (m && why) f.add('perm.mode', ins, `${ins.op} --chmod=${m[1]}: ${why}.`, `copychmod|${ins.args}`);
    } else if (ins.op === 'ENV' || ins.op === 'ARG') envFindings(ins, text, f);
  }
}
