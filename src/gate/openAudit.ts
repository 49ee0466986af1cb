// Opens the gate's audit log. One writer per directory: a second window on the same folder gets its own
// sibling directory rather than no log at all.
import { AuditLog, AuditLogBusyError } from '../audit';

export async function openAudit(dir: string, prefix: string | undefined, log: (m: string) => void): Promise<AuditLog> {
  try {
    return await AuditLog.open({ dir, prefix });
  } catch (err) {
    if (!(err instanceof AuditLogBusyError)) throw err;
    const alt = `${dir}-${process.pid}`;
    log(`audit log ${dir} is held by another gate; writing to ${alt}`);
    return AuditLog.open({ dir: alt, prefix });
  }
}
