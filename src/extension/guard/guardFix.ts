// Offers a doctor finding's tightening fix: the exact change as a diff first, then a modal; only a click on
// "Apply" writes, and only if the file still holds the text the fix was computed from.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { DoctorFix } from '../../agents/doctor';
import type { ConfigPreview } from '../connect/configPreview';

export type FixOutcome = 'applied' | 'cancelled' | 'changed';

function current(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export async function offerFix(fix: DoctorFix, preview: ConfigPreview, label: string): Promise<FixOutcome> {
  await preview.show(fix.file, fix.before, fix.after, `${label}: ${fix.title} (${vscode.workspace.asRelativePath(fix.file)})`);
  const ok = await vscode.window.showWarningMessage(`${fix.title}?`, { modal: true, detail: `Countersign will change ${fix.file} exactly as the diff shows.` }, 'Apply');
  if (ok !== 'Apply') return 'cancelled';
  if (current(fix.file) !== fix.before) {
    void vscode.window.showWarningMessage(`Countersign: ${fix.file} changed since the fix was shown; nothing was written. Check again.`);
    return 'changed';
  }
  if (fix.after === undefined) rmSync(fix.file, { force: true });
  else writeFileSync(fix.file, fix.after, { mode: statSync(fix.file).mode & 0o777 });
  return 'applied';
}
