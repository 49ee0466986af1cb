// The operating system this process runs on, as the policy names platforms. The policy never reads the host
// itself (`countersign evaluate --platform` judges as on another one); its callers pass this in.
import type { Platform } from '../policy/types';

export function hostPlatform(): Platform {
  return process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux';
}
