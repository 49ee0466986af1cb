// Opens the gate's audit log. A second window on the same folder gets its own chain in the same directory
// (the audit library handles that), so history still finds it; an explicit file prefix (headless `--audit`)
// that is busy is an error the caller reports.
import { AuditLog } from '../audit';

export function openAudit(dir: string, prefix: string | undefined): Promise<AuditLog> {
  return AuditLog.open({ dir, prefix });
}
