import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planEffects, type EffectPlan } from '../../../src/review/preview/effectPlan';
import { parseCommandLine } from '../../../src/review/preview/shellWords';

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

test('unparseable lines get a note only when they look like they touch files', () => {
  assert.equal(planEffects('chmod 777 $(find . -name x)')[0]?.kind, 'note');
  assert.deepEqual(planEffects('git log $(git rev-parse HEAD)'), []);
});
