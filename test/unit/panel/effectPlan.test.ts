import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planEffects, type EffectPlan } from '../../../src/extension/preview/effectPlan';
import { parseCommandLine } from '../../../src/extension/preview/shellWords';

const kinds = (plans: EffectPlan[]) => plans.map((p) => p.kind);
function only<K extends EffectPlan['kind']>(plans: EffectPlan[], kind: K): Extract<EffectPlan, { kind: K }> {
  const found = plans.filter((p) => p.kind === kind);
  assert.equal(found.length, 1, `one ${kind} plan in ${JSON.stringify(kinds(plans))}`);
  return found[0] as Extract<EffectPlan, { kind: K }>;
}

test('shell words: quotes, escapes, globs, expansions', () => {
  const p = parseCommandLine(`chmod 'a b' "c\\"d" e\\ f *.sh "*.txt" $HOME/x`);
  assert.ok(p.ok);
  const words = p.commands[0]?.words ?? [];
  assert.deepEqual(words.map((w) => w.text), ['chmod', 'a b', 'c"d', 'e f', '*.sh', '*.txt', '$HOME/x']);
  assert.equal(words[4]?.glob, true);
  assert.equal(words[5]?.glob, false);
  assert.equal(words[5]?.pattern, '\\*.txt');
  assert.equal(words[6]?.dynamic, true);
});

test('shell words: lists, pipes, redirections, heredocs', () => {
  const p = parseCommandLine('echo hi | tee -a log.txt > /dev/null && cat <<EOF > out.txt\nline $x\nEOF\n');
  assert.ok(p.ok);
  assert.equal(p.commands.length, 3);
  assert.equal(p.commands[1]?.pipedFrom, p.commands[0]);
  assert.deepEqual(p.commands[1]?.redirects.map((r) => [r.op, r.target.text]), [['>', '/dev/null']]);
  const heredoc = p.commands[2]?.redirects.find((r) => r.op === '<<');
  assert.equal(heredoc?.heredoc?.body, 'line $x\n');
  assert.equal(heredoc?.heredoc?.expands, true);
  const quoted = parseCommandLine("cat <<'EOF' > f\n$literal\nEOF");
  assert.ok(quoted.ok && quoted.commands[0]?.redirects[0]?.heredoc?.expands === false);
});

test('shell words: refuses substitutions, subshells and blocks', () => {
  for (const cmd of ['chmod $(stat -c %a x) f', 'chmod `id -u` f', '(cd x && chmod 777 y)', 'if true; then chmod 1 f; fi', 'diff <(a) <(b)', 'X=1 chmod 7 f']) {
    assert.equal(parseCommandLine(cmd).ok, false, cmd);
  }
});

test('chmod: mode, recursion, targets, through sudo', () => {
  const plan = only(planEffects('sudo chmod -R 755 scripts deploy.sh'), 'mode');
  assert.equal(plan.spec, '755');
  assert.equal(plan.recursive, true);
  assert.deepEqual(plan.targets.map((t) => t.text), ['scripts', 'deploy.sh']);
  assert.equal(only(planEffects('chmod -x run.sh'), 'mode').spec, '-x');
  assert.equal(only(planEffects('chmod nonsense f'), 'note').kind, 'note');
});

test('chown and chgrp: owner and group forms', () => {
  const a = only(planEffects('chown root:wheel f'), 'owner');
  assert.deepEqual([a.owner, a.group, a.loginGroup], ['root', 'wheel', false]);
  const b = only(planEffects('chown alice: f'), 'owner');
  assert.deepEqual([b.owner, b.group, b.loginGroup], ['alice', undefined, true]);
  const c = only(planEffects('chown :staff f'), 'owner');
  assert.deepEqual([c.owner, c.group], [undefined, 'staff']);
  const d = only(planEffects('chgrp -R docker data'), 'owner');
  assert.deepEqual([d.command, d.group, d.recursive], ['chgrp', 'docker', true]);
});

test('redirects: echo, printf, heredoc content; unknown producers', () => {
  const echo = only(planEffects('echo "API_URL=x" > .env.local'), 'write');
  assert.deepEqual([echo.target.text, echo.append, echo.content], ['.env.local', false, 'API_URL=x\n']);
  const append = only(planEffects("printf '%s\\n' a b >> list.txt"), 'write');
  assert.deepEqual([append.append, append.content], [true, 'a\nb\n']);
  const heredoc = only(planEffects("cat > conf.ini <<'EOF'\n[x]\ny=1\nEOF"), 'write');
  assert.equal(heredoc.content, '[x]\ny=1\n');
  const unknown = only(planEffects('npm ls > deps.txt 2>/dev/null'), 'write');
  assert.equal(unknown.content, undefined);
  assert.equal(unknown.producer, 'npm');
  assert.equal(only(planEffects(': > empty.log'), 'write').content, '');
  assert.deepEqual(planEffects('ls -la'), []);
  assert.deepEqual(planEffects('echo hi 2>&1'), []);
});

test('tee: from a pipe, a heredoc or a here-string, with -a', () => {
  const piped = planEffects("echo 'nameserver 1.1.1.1' | sudo tee -a /etc/resolv.conf");
  const w = only(piped, 'write');
  assert.deepEqual([w.target.text, w.append, w.content], ['/etc/resolv.conf', true, 'nameserver 1.1.1.1\n']);
  assert.equal(only(planEffects('tee out.txt <<< hello'), 'write').content, 'hello\n');
  assert.equal(only(planEffects('curl -s x | tee page.html'), 'write').content, undefined);
});

test('sed -i: a plan that edits text; sed without -i changes no file', () => {
  const plan = only(planEffects("sed -i 's/debug: true/debug: false/' config.yml"), 'sed');
  assert.deepEqual(plan.targets.map((t) => t.text), ['config.yml']);
  assert.equal(plan.apply('debug: true\n'), 'debug: false\n');
  assert.deepEqual(planEffects("sed 's/a/b/' f"), []);
  assert.equal(only(planEffects("sed -i 's/a/\\U&/' f"), 'note').kind, 'note');
});

test('several steps in one line, in order', () => {
  assert.deepEqual(kinds(planEffects('echo a > f && echo b >> f; chmod +x f')), ['write', 'write', 'mode']);
});

test('unparseable lines get a note only when they look like they touch files', () => {
  assert.equal(planEffects('chmod 777 $(find . -name x)')[0]?.kind, 'note');
  assert.deepEqual(planEffects('git log $(git rev-parse HEAD)'), []);
});
