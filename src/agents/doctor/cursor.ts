// Cursor: ~/.cursor/hooks.json and the repository's .cursor/hooks.json. Without failClosed a crashed or
// timed-out hook lets the action run.
import { join } from 'node:path';
import { findNodeAtLocation } from 'jsonc-parser';
import { jsonFix, loadAll } from './files';
import { ourHooks, settingName } from './ourHooks';
import type { AgentCheck, DoctorPlaces, Finding } from './types';

export function checkCursor(p: DoctorPlaces): AgentCheck {
  const findings: Finding[] = [];
  const files = loadAll([join(p.home, '.cursor', 'hooks.json'), ...(p.workspace ? [join(p.workspace, '.cursor', 'hooks.json')] : [])], 'Cursor', findings);
  let connected = false;
  for (const f of files) {
    for (const { path, node } of ourHooks(f.root, 'cursor')) {
      connected = true;
      if (findNodeAtLocation(node, ['failClosed'])?.value === true) continue;
      findings.push({
        file: f.file,
        setting: settingName([...path, 'failClosed']),
        message: "Without failClosed, Cursor runs the action when Countersign's hook crashes or times out.",
        disables: true,
        fix: jsonFix(f, [...path, 'failClosed'], true, 'Add "failClosed": true'),
      });
    }
  }
  return { agent: 'cursor', connected, findings };
}
