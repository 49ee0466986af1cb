// The panel's sections below the queue: allow rules (with their scope, use count and Revoke), the history of recent decisions, and how
// each agent is connected. Each renders from its latest message alone.
import type { AgentConnectionView, AllowRuleView, HistoryEntryView } from '../protocol/webviewMessages';
import { agentLabel } from '../protocol/webviewMessages';
import { el, h, icon } from './dom';
import { ago, decidedByLabel, riskLabel } from './format';

function scopeTag(r: AllowRuleView): HTMLElement {
  return r.scope === 'session'
    ? h('span', { class: 'rule-scope', title: 'Until the agent session ends or VS Code closes' }, icon('history'), 'This session')
    : h('span', { class: 'rule-scope is-workspace', title: `Kept on this machine for ${r.where} until you revoke it` }, icon('pinned'), 'Until revoked');
}

/** `npm test` between backticks becomes code; everything stays text. */
function withCode(s: string): (string | HTMLElement)[] {
  return s.split('`').map((part, i) => (i % 2 === 1 ? h('code', {}, part) : part));
}

export function renderRules(rules: AllowRuleView[]): HTMLElement | null {
  if (rules.length === 0) return null;
  return h(
    'section',
    { class: 'rules', 'aria-labelledby': 'rules-title' },
    h('h2', { class: 'section-title', id: 'rules-title' }, icon('history'), ' Allow rules ', h('span', { class: 'count' }, String(rules.length))),
    h('p', { class: 'section-note' }, 'Actions whose every effect matches a rule are approved without a card. Sensitive actions always ask.'),
    h(
      'ul',
      { class: 'rule-list' },
      ...rules.map((r) =>
        h(
          'li',
          { class: 'rule', 'data-rule': r.id },
          h('span', { class: 'rule-text' }, scopeTag(r), h('span', { class: 'rule-description' }, ...withCode(r.description)), h('span', { class: 'rule-count' }, ` Used ${r.matched} time${r.matched === 1 ? '' : 's'}.`)),
          el('vscode-button', { secondary: '', 'data-action': 'revoke', 'data-rule': r.id, 'aria-label': `Revoke: ${r.description}` }, icon('trash'), ' Revoke'),
        ),
      ),
    ),
  );
}

export function renderHistory(entries: HistoryEntryView[], now: number, open: boolean): HTMLElement {
  const body =
    entries.length === 0
      ? h('p', { class: 'section-note' }, 'Decisions made in this window appear here.')
      : h(
          'ol',
          { class: 'history-list', 'aria-label': 'Recent decisions, newest first' },
          ...entries.map((e) =>
            h(
              'li',
              { class: `history-item decision-${e.decision} by-${e.decidedBy}` },
              icon(e.decision === 'allow' ? 'pass' : 'circle-slash'),
              h(
                'div',
                { class: 'history-body' },
                h('div', { class: 'history-summary' }, e.summary),
                h(
                  'div',
                  { class: 'history-meta' },
                  `${decidedByLabel(e.decidedBy, e.decision)} · ${agentLabel(e.agent)} · ${e.tool} · ${riskLabel(e.risk)} · `,
                  h('span', { class: 'history-ago', 'data-at': String(e.decidedAt) }, ago(now - e.decidedAt)),
                ),
                e.reason ? h('div', { class: 'history-reason' }, icon('comment'), ' ', e.reason) : null,
              ),
            ),
          ),
        );
  return el('vscode-collapsible', { class: 'history', heading: 'History', description: entries.length ? `${entries.length} recent` : '', open: open ? '' : undefined, 'data-section': 'history' }, body);
}

export function renderAgents(agents: AgentConnectionView[] | undefined, open: boolean): HTMLElement | null {
  if (!agents) return null;
  const connected = agents.filter((a) => a.connected).length;
  const body =
    agents.length === 0
      ? h('p', { class: 'section-note' }, 'No agents found on this machine.')
      : h(
          'ul',
          { class: 'agent-list' },
          ...agents.map((a) => {
            const state = a.connected ? 'connected' : a.detected ? 'detected, not connected' : 'not found';
            return h(
              'li',
              { class: `agent ${a.connected ? 'is-connected' : a.detected ? 'is-detected' : 'is-missing'}` },
              icon(a.connected ? 'pass-filled' : a.detected ? 'circle-large-outline' : 'dash'),
              h(
                'div',
                { class: 'agent-body' },
                h('div', { class: 'agent-name' }, a.label, h('span', { class: 'agent-state' }, ` · ${state}`)),
                a.note ? h('div', { class: 'agent-note' }, a.note) : null,
                a.files.length ? h('div', { class: 'agent-files' }, a.files.join(', ')) : null,
              ),
            );
          }),
        );
  const connect = el('vscode-button', { secondary: connected ? '' : undefined, 'data-action': 'connect-agents' }, icon('plug'), ' Connect Agents…');
  return el(
    'vscode-collapsible',
    { class: 'agents', heading: 'Agents', description: `${connected} of ${agents.length} connected`, open: open ? '' : undefined, 'data-section': 'agents' },
    body,
    h('div', { class: 'agents-actions' }, connect),
  );
}
