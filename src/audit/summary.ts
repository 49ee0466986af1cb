// Builds the RequestRecord the log keeps for a verdict: who asked for what, in one redacted line, without contents.
import type { Action, AgentName, Effect, Verdict } from '../policy/types';
import { redactString } from './redact';
import type { AuditEffect, RequestRecord } from './schema';

/** Longest summary kept; commands longer than this are rare and the start says what they do. */
export const MAX_SUMMARY = 2000;

/** Redaction works on a generous window first (a 10 MB heredoc need not be scanned to keep 2,000 characters). */
const REDACT_WINDOW = 16 * MAX_SUMMARY;

function oneLine(text: string): string {
  // Redact before the final cut, so a token split by the cut cannot slip past a mask that needs the whole token;
  // a token split by the window's edge lies beyond the final cut anyway.
  const clean = redactString(text.length > REDACT_WINDOW ? text.slice(0, REDACT_WINDOW) : text);
  return clean.length > MAX_SUMMARY ? `${clean.slice(0, MAX_SUMMARY)}…` : clean;
}

function inputSummary(input: unknown): string {
  try {
    return JSON.stringify(input) ?? '';
  } catch {
    return '[unserializable input]';
  }
}

/** The part of an action a reviewer recognises it by. File contents and edit texts are never included. */
export function actionSummary(action: Action): string {
  switch (action.kind) {
    case 'shell':
      return oneLine(action.command);
    case 'edit':
      return oneLine(`${action.path} (${action.edits.length} edit${action.edits.length === 1 ? '' : 's'})`);
    case 'write':
      return oneLine(`${action.path} (${Buffer.byteLength(action.content)} bytes)`);
    case 'read':
      return oneLine(action.path);
    case 'patch':
      return oneLine(action.files.map((f) => `${f.op} ${f.path}`).join(', '));
    case 'tool':
      return oneLine(`${action.tool} ${inputSummary(action.input)}`);
  }
}

/** Longest summary a list row shows (the panel's History); the log keeps up to MAX_SUMMARY. */
const MAX_ROW_SUMMARY = 200;

/** A logged summary as one short list line: line breaks shown as ⏎, capped. Same for a row settled now or read back. */
export function rowSummary(summary: string): string {
  const line = summary.replace(/\s*\n\s*/g, ' ⏎ ');
  return line.length > MAX_ROW_SUMMARY ? `${line.slice(0, MAX_ROW_SUMMARY)}…` : line;
}

const MAX_AUDIT_EFFECTS = 24;

/** Effects as the log keeps them: no summary sentence (it may quote content), a redacted and capped target. */
function auditEffect(e: Effect): AuditEffect {
  const out: AuditEffect = { kind: e.kind, risk: e.risk };
  if (e.target !== undefined) {
    const t = redactString(e.target);
    out.target = t.length > 200 ? `${t.slice(0, 200)}…` : t;
  }
  return out;
}

export function requestRecord(verdict: Verdict): RequestRecord {
  const { action } = verdict;
  const record: RequestRecord = {
    agent: action.agent,
    tool: action.tool,
    kind: action.kind,
    summary: actionSummary(action),
    risk: verdict.risk,
    rules: verdict.reasons.map((r) => r.rule),
    cwd: action.cwd,
  };
  if (verdict.effects.length > 0) record.effects = verdict.effects.slice(0, MAX_AUDIT_EFFECTS).map(auditEffect);
  if (action.sessionId !== undefined) record.sessionId = action.sessionId;
  return record;
}

/** For a payload the gate could not parse: nothing is known but the agent, and it was blocked. */
export function unparsedRequest(agent: AgentName | 'unknown', note: string): RequestRecord {
  return { agent, tool: '', kind: 'unparsed', summary: oneLine(note), risk: 'blocked', rules: [] };
}
