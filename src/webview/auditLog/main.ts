// Audit Log view script: filters, a table of decisions, chain verification. Agent strings are text only.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { AuditFilter, AuditRow, FromAuditView, ToAuditView } from '../../protocol/auditLogMessages';

type AuditFilterRisks = AuditFilter['risks'];
type AuditFilterDecisions = AuditFilter['decisions'];
import { h, icon } from '../dom';

interface VsCodeApi {
  postMessage(message: FromAuditView): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

const AGENTS: [string, string][] = [['', 'All agents'], ['claude', 'Claude Code'], ['vscode', 'VS Code agent'], ['copilot-cli', 'Copilot CLI'], ['cursor', 'Cursor'], ['gemini', 'Gemini CLI'], ['codex', 'Codex CLI'], ['cline', 'Cline']];
const RISKS: [string, string][] = [['', 'All risks'], ['sensitive', 'Sensitive'], ['blocked', 'Blocked'], ['review', 'Review'], ['safe', 'Safe']];
const DECISIONS: [string, string][] = [['', 'All decisions'], ['allow', 'Allowed'], ['deny', 'Denied'], ['pending', 'Pending']];

function select(id: string, label: string, options: [string, string][]): HTMLSelectElement {
  const s = h('select', { id, 'aria-label': label });
  for (const [value, text] of options) s.append(h('option', { value }, text));
  s.addEventListener('change', sendFilter);
  return s;
}

const agent = select('agent', 'Filter by agent', AGENTS);
const risk = select('risk', 'Filter by risk', RISKS);
const decision = select('decision', 'Filter by decision', DECISIONS);
const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
const where = h('div', { class: 'where' });
const body = h('tbody');
const note = h('div', { class: 'note' });

function button(text: string, iconName: string, onClick: () => void, secondary = true): HTMLElement {
  const b = document.createElement('vscode-button');
  if (secondary) b.setAttribute('secondary', '');
  b.append(icon(iconName), ` ${text}`);
  b.addEventListener('click', onClick);
  return b;
}

function sendFilter(): void {
  const only = (s: HTMLSelectElement) => (s.value ? [s.value] : undefined);
  vscode.postMessage({ type: 'filter', filter: { agents: only(agent), risks: only(risk) as AuditFilterRisks, decisions: only(decision) as AuditFilterDecisions } });
}

function when(item: AuditRow): string {
  const t = item.decidedAt ?? item.receivedAt;
  return t ? new Date(t).toLocaleString() : '';
}

function row(item: AuditRow): HTMLElement {
  const r = item.request;
  const d = item.decision;
  const verdict = d ? (d.decision === 'allow' ? 'Allowed' : 'Denied') : 'Pending';
  return h(
    'tr',
    { class: `decision-${d?.decision ?? 'pending'}` },
    h('td', { class: 'time' }, when(item)),
    h('td', {}, AGENTS.find(([k]) => k === r?.agent)?.[1] ?? r?.agent ?? '?'),
    h('td', { class: 'summary' }, h('span', { class: 'tool' }, r?.tool ?? ''), h('code', {}, r?.summary ?? '(request not in the files read)')),
    h('td', {}, h('span', { class: `badge badge-${r?.risk ?? 'unknown'}` }, r?.risk ?? '?')),
    h('td', { class: 'verdict' }, verdict),
    // A repeated call got an earlier answer: say so, nobody decided it again.
    h('td', {}, d?.reused ? `${d.decidedBy}, reused${d.reused.seq === undefined ? '' : ` from seq ${d.reused.seq}`}` : (d?.decidedBy ?? '')),
    h('td', { class: 'reason' }, d?.reason ?? ''),
  );
}

function layout(): void {
  const table = h(
    'table',
    { 'aria-label': 'Audit log entries, newest first' },
    h('thead', {}, h('tr', {}, ...['Time', 'Agent', 'Action', 'Risk', 'Decision', 'Decided by', 'Reason'].map((c) => h('th', { scope: 'col' }, c)))),
    body,
  );
  app.replaceChildren(
    h('header', {}, h('h1', {}, icon('shield'), ' Audit log'), where),
    h(
      'div',
      { class: 'toolbar' },
      agent,
      risk,
      decision,
      h('span', { class: 'spacer' }),
      button('Verify chain', 'verified', () => vscode.postMessage({ type: 'verify' }), false),
      button('Export JSONL', 'export', () => vscode.postMessage({ type: 'export', format: 'jsonl' })),
      button('Export CSV', 'table', () => vscode.postMessage({ type: 'export', format: 'csv' })),
    ),
    status,
    table,
    note,
  );
}

window.addEventListener('message', (e: MessageEvent<ToAuditView>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'items':
      where.textContent = msg.dir;
      body.replaceChildren(...(msg.items.length ? msg.items.map(row) : [h('tr', {}, h('td', { colspan: '7', class: 'empty' }, 'No entries match.'))]));
      note.textContent = msg.truncated ? 'Showing the newest 500 entries; export for the rest.' : `${msg.items.length} entr${msg.items.length === 1 ? 'y' : 'ies'}.`;
      return;
    case 'verified':
      status.replaceChildren(
        ...msg.result.chains.map((c) => h('div', { class: `chain chain-${c.status}` }, icon(c.status === 'broken' ? 'error' : c.status === 'torn' ? 'warning' : 'pass'), ` ${c.name}: ${c.message}`)),
      );
      return;
    case 'error':
      status.replaceChildren(h('div', { class: 'chain chain-broken' }, icon('error'), ` ${msg.message}`));
      return;
  }
});

layout();
vscode.postMessage({ type: 'ready' });
