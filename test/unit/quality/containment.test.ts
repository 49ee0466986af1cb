// One "is this path inside that folder" for every layer (src/policy/paths/containment.ts), with its case rule named
// by each caller: the policy folds case, the doctor and the previews compare exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isInside } from '../../../src/policy/paths/containment';
import { isInside as policyInside } from '../../../src/policy/paths/resolve';
import { within } from '../../../src/agents/doctor/files';

test('inside means the folder itself or below it, never a sibling that shares a prefix', () => {
  assert.ok(isInside('/home/dev/proj', '/home/dev/proj', 'exact'));
  assert.ok(isInside('/home/dev/proj/src/a.ts', '/home/dev/proj/', 'exact'));
  assert.ok(!isInside('/home/dev/project', '/home/dev/proj', 'exact'));
  assert.ok(!isInside('/home/dev', '/home/dev/proj', 'exact'));
  assert.ok(isInside('/etc/passwd', '/', 'exact'));
  assert.ok(isInside('C:/Users/me/.ssh/id_rsa', 'C:/', 'exact'));
  assert.ok(isInside('C:\\Users\\me\\proj\\a.txt', 'C:/Users/me/proj', 'exact'), 'backslashes separate too');
});

test('. and .. are resolved before comparing: a path that climbs out is outside', () => {
  assert.ok(!isInside('/home/dev/proj/../other/x', '/home/dev/proj', 'exact'));
  assert.ok(!isInside('/home/dev/proj/../proj2', '/home/dev/proj', 'fold'));
  assert.ok(isInside('/home/dev/proj/./src/../lib', '/home/dev/proj', 'exact'));
});

test('the case rule: fold for the policy, exact for the doctor', () => {
  assert.ok(isInside('/Users/Me/.SSH/id_rsa', '/users/me/.ssh', 'fold'));
  assert.ok(!isInside('/Users/Me/.SSH/id_rsa', '/users/me/.ssh', 'exact'));
  assert.ok(policyInside('/HOME/DEV/.AWS/credentials', '/home/dev/.aws'), 'the policy catches every spelling');
  assert.ok(!within('/Home/dev/proj', '/home/dev'), 'a trusted folder is trusted only as written');
  assert.ok(within('/home/dev/proj/', '/home/dev'));
});
