// One pending action as a card: what the agent wants, why it needs a decision, and the two buttons.
import type { ReviewItem } from '../protocol/gateLsp';
import type { Action, Span } from '../policy/types';
import { el, h, icon } from './dom';

const RISK_LABEL: Record<string, string> = { safe: 'Safe', review: 'Review', sensitive: 'Sensitive', blocked: 'Blocked' };
const AGENT_LABEL: Record<string, string> = {
  claude: 'Claude Code', vscode: 'VS Code agent', 'copilot-cli': 'Copilot CLI', cursor: 'Cursor', gemini: 'Gemini CLI', codex: 'Codex CLI', cline: 'Cline', unknown: 'Unknown agent',
};

export function agentLabel(agent: string): string {
  return AGENT_LABEL[agent] ?? agent;
}

/** The text a reviewer must read: the command, or the path being touched. */
function subject(action: Action): { field: Span['field']; text: string; label: string } {
  switch (action.kind) {
    case 'shell':
      return { field: 'command', text: action.command, label: 'Command' };
    case 'edit':
      return { field: 'path', text: action.path, label: 'Edit file' };
    case 'write':
      return { field: 'path', text: action.path, label: 'Write file' };
    case 'read':
      return { field: 'path', text: action.path, label: 'Read file' };
    case 'patch':
      return { field: 'command', text: action.files.map((f) => `${f.op} ${f.path}`).join('\n'), label: 'Apply patch' };
    case 'tool':
      return { field: 'input', text: JSON.stringify(action.input ?? null, null, 2) ?? '', label: 'Tool input' };
  }
}

/** The subject with the spans that triggered reasons wrapped in <mark>; everything stays text. */
function highlighted(text: string, spans: Span[]): HTMLElement {
  const pre = h('pre', { class: 'subject' });
  const sorted = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue; // overlapping spans: the first wins
    pre.append(text.slice(at, s.start), h('mark', {}, text.slice(s.start, s.end)));
    at = s.end;
  }
  pre.append(text.slice(at));
  return pre;
}

export function waited(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`;
}

export function renderCard(item: ReviewItem, now: number): HTMLElement {
  const { action } = item;
  const subj = subject(action);
  const spans = item.reasons.flatMap((r) => (r.span && r.span.field === subj.field ? [r.span] : []));
  const title = `${agentLabel(action.agent)} · ${action.tool}`;
  const card = h(
    'article',
    { class: `card risk-${item.risk}`, 'data-id': item.id, 'aria-label': `${RISK_LABEL[item.risk] ?? item.risk} action from ${title}` },
    h(
      'header',
      { class: 'card-head' },
      h('span', { class: `badge badge-${item.risk}` }, icon(item.risk === 'sensitive' || item.risk === 'blocked' ? 'shield' : 'eye'), RISK_LABEL[item.risk] ?? item.risk),
      h('span', { class: 'who' }, title),
      h('span', { class: 'age', 'data-received': String(item.receivedAt), title: 'Time waiting' }, icon('clock'), waited(now - item.receivedAt)),
    ),
    h('div', { class: 'label' }, subj.label),
    highlighted(subj.text, spans),
    action.explanation ? h('p', { class: 'explanation' }, icon('comment'), action.explanation) : null,
    h('ul', { class: 'reasons', 'aria-label': 'Why this needs a decision' }, ...item.reasons.map((r) => h('li', {}, icon('warning'), r.message))),
    h('div', { class: 'meta' }, icon('folder'), action.cwd || '(no working directory)'),
    h(
      'div',
      { class: 'actions' },
      el('vscode-button', { class: 'deny', secondary: '', 'data-decision': 'deny', 'aria-label': `Deny: ${title}` }, 'Deny'),
      el('vscode-button', { class: 'approve', 'data-decision': 'allow', 'aria-label': `Approve: ${title}` }, 'Approve'),
    ),
  );
  return card;
}
