// Countersign's tamper-evident audit log. Pure Node (no vscode): the gate writes it, the CLI verifies and exports
// it, the extension reads it for the history view.
//
// Gate (one writer per chain; a second gate opening the same directory gets its own chain `audit.2-…`, so two
// windows on one workspace both log; AuditLogBusyError only if `prefix` is forced and held, or 32 chains are busy):
//   const log = await AuditLog.open({ dir: '<global storage>/audit/<workspace key>' });
//   // Fast path (policy decides at once): one entry, fsync'd before append() resolves; answer the agent after.
//   await log.append({ type: 'decision', id, request: requestRecord(verdict), decision: { decision, decidedBy, reason } });
//   // A human is needed: log the request before showing the panel, then the decision before answering.
//   await log.append({ type: 'request', id, request: requestRecord(verdict) });
//   await log.append({ type: 'decision', id, decision: { decision: 'deny', decidedBy: 'timeout', reason } });
//   // Unparsable payload: request: unparsedRequest(agent, 'payload is not JSON'). Gate start/stop, policy reloads:
//   await log.append({ type: 'note', topic: 'gate', message: 'started', data: { pid } });
//   log.onAppend((entries) => …push to the extension…); log.head (anchor it elsewhere); await log.close();
// If append() rejects (disk full, I/O error, entry over MAX_ENTRY_BYTES) the entry is not confirmed durable (it
// may or may not be on disk): the gate must fail closed (deny). The next append re-reads the file and carries on.
// Everything appended is redacted (redact.ts) and capped first; callers need not redact, but must never put file
// contents in a RequestRecord (requestRecord() does not).
//
// History view / panel history (read-only, no lock, does not verify):
//   const items = await readHistory(dir, { limit: 200, filter: { agents: ['claude'], risks: ['sensitive'], decisions: ['deny', 'pending'] } });
//   // HistoryItem = schema.ts AuditRow { id, request?, decision?, receivedAt?, decidedAt?, seq, chain? }, newest first (chains merged by time).
//   // Entries already in memory (from onAppend): historyFromEntries(entries, filter); one item: matchesFilter(item, filter).
//
// Verify / export (the CLI `countersign audit verify|export` is a thin shell over these):
//   const files = await listLogFiles(dir);           // chain order: audit-000001.jsonl, audit-000002.jsonl, …
//   const chains = await listLogs(dir);              // Map prefix -> files, when gates wrote side by side
//   const r = await verifyLog(files, { anchor });    // r.status 'intact' | 'torn' | 'broken', r.problem names the entry
//   for await (const { entry, raw } of exportEntries(files, filter)) …; csvHeader(), csvRow(entry, item)
//
// Format: one JSON object per line; `prev` is the SHA-256 of the previous entry (hash.ts defines the bytes hashed),
// seq +1 per entry across files, every file opens with a `segment` entry chaining from the previous file's last.
export { AuditLog, DEFAULT_MAX_FILE_BYTES, MAX_ENTRY_BYTES, type AppendableEvent, type AuditLogOptions } from './writer';
export { AuditLogBusyError } from './lock';
export { verifyLog, type ProblemKind, type VerifyOptions, type VerifyProblem, type VerifyResult } from './verify';
export { isNamedChain, listLogFiles, listLogs, logFileName, logFileIndex, logFilePrefix, DEFAULT_PREFIX } from './files';
export {
  readHistory, readFileEntries, historyFromEntries, addToHistory, matchesFilter, isEmptyFilter,
  type AuditFilter, type HistoryItem, type HistoryOptions,
} from './history';
export { exportEntries, csvHeader, csvRow, csvCell, entrySelected, CSV_COLUMNS, type ExportedEntry } from './export';
export { requestRecord, unparsedRequest, actionSummary, rowSummary, MAX_SUMMARY } from './summary';
export { redact, redactString, isSecretName, MASK } from './redact';
export { serializeEntry, lineHashes, sha256Hex } from './hash';
export { parseLine, type ParsedLine } from './parse';
export * from './schema';
