// `countersign audit verify FILE…` / `countersign audit export --format jsonl|csv FILE…` (see src/audit).
export function runAudit(_argv: string[]): Promise<number> {
  process.stderr.write('countersign audit: not implemented yet\n');
  return Promise.resolve(1);
}
