// How the policy reads the current text of a file an agent wants to edit, so the panel can show a real
// before/after diff. The real reader is the disk world's (world/diskWorld.ts: small regular text files only, never
// through a symlink, never blocking on a FIFO or device); the caller also refuses sensitive paths, so secrets are
// never copied into a verdict or the audit log.
export type FileReader = (absPath: string) => string | undefined;
