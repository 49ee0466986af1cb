// VS Code's user settings.json, found from the extension's global storage (<user data>/User/globalStorage/<id>):
// the API offers no path, and Connect must show the exact text it would change.
import { basename, dirname, join } from 'node:path';

export function userSettingsFile(globalStorage: string): string | undefined {
  const storageRoot = dirname(globalStorage);
  if (basename(storageRoot) !== 'globalStorage') return undefined;
  return join(dirname(storageRoot), 'settings.json');
}
