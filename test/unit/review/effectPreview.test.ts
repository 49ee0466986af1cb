import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { previewEffects } from '../../../src/review/preview/effectPreview';
import { nodeDisk } from '../../../src/extension/nodeDisk';

let ws: string;
const ctx = () => ({ disk: nodeDisk, cwd: ws, folders: [ws], display: (p: string) => relative(ws, p) || '.' });

before(() => {
  ws = mkdtempSync(join(tmpdir(), 'cs-effect-'));
  writeFileSync(join(ws, 'deploy.sh'), '#!/bin/sh\necho deploy\n');
  chmodSync(join(ws, 'deploy.sh'), 0o644);
  writeFileSync(join(ws, 'build.sh'), 'make\n');
  chmodSync(join(ws, 'build.sh'), 0o600);
  writeFileSync(join(ws, 'config.yml'), 'debug: true\nport: 80\n');
  mkdirSync(join(ws, 'bin'));
  writeFileSync(join(ws, 'bin', 'tool'), 'x');
  chmodSync(join(ws, 'bin', 'tool'), 0o644);
});
after(() => rmSync(ws, { recursive: true, force: true }));

test('chmod 777 shows each file before and after, and touches nothing', async () => {
  const { rows } = await previewEffects('chmod 777 deploy.sh', ctx());
  assert.deepEqual(rows, [{ kind: 'mode', path: 'deploy.sh', before: '-rw-r--r-- (0644)', after: '-rwxrwxrwx (0777)' }]);
  assert.equal(statSync(join(ws, 'deploy.sh')).mode & 0o7777, 0o644, 'the file is unchanged');
});

test('globs expand to the matching files; symbolic modes apply to each', async () => {
  const { rows } = await previewEffects('chmod u+x,go-rwx *.sh', ctx());
  assert.deepEqual(
    rows.map((r) => (r.kind === 'mode' ? [r.path, r.after] : r.kind)),
    [
      ['build.sh', '-rwx------ (0700)'],
      ['deploy.sh', '-rwx------ (0700)'],
    ],
  );
});

test('-R walks directories; unchanged files say so', async () => {
  const { rows } = await previewEffects('chmod -R a+rX bin', ctx());
  assert.deepEqual(
    rows.map((r) => (r.kind === 'mode' ? [r.path, r.after] : [r.kind])),
    [
      ['bin', 'unchanged'],
      ['bin/tool', 'unchanged'],
    ],
  );
});

test('files outside the workspace are not inspected; missing files are named', async () => {
  const { rows } = await previewEffects('chmod 600 /etc/shadow missing.txt', ctx());
  assert.equal(rows[0]?.kind, 'note');
  assert.match(rows[0]?.kind === 'note' ? rows[0].text : '', /\/etc\/shadow is outside the workspace/);
  assert.match(rows[1]?.kind === 'note' ? rows[1].text : '', /missing\.txt does not exist/);
});

test('chown shows owner:group before and after', async () => {
  const me = userInfo();
  const { rows } = await previewEffects(`chown ${me.uid}:${me.gid} deploy.sh`, ctx());
  assert.equal(rows[0]?.kind, 'owner');
  assert.equal(rows[0]?.kind === 'owner' && rows[0].after, 'unchanged');
  const other = me.uid === 0 ? 'nobody' : 'root';
  const { rows: toOther } = await previewEffects(`chown ${other} deploy.sh`, ctx());
  const row = toOther.find((r) => r.kind === 'owner');
  assert.ok(row && row.kind === 'owner' && row.after.startsWith(`${other}:`), JSON.stringify(toOther));
});

