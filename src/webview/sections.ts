// The panel's sections below the queue: allow rules (with their scope, use count and Revoke), the history of recent decisions, and how
// each agent is connected. Each renders from its latest message alone.
import type { AgentConnectionView, AllowRuleView, GateStateView, HistoryEntryView, SandboxStatusView } from '../protocol/webviewMessages';
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
                  e.decision === 'allow' && e.sandboxed === true
                    ? h('span', { class: 'history-sandboxed', title: "Ran inside Countersign's sandbox: secrets hidden, agent and Countersign settings read-only" }, ' · ', icon('shield'), ' sandboxed')
                    : null,
                ),
                e.reason ? h('div', { class: 'history-reason' }, icon('comment'), ' ', e.reason) : null,
              ),
            ),
          ),
        );
  return el('vscode-collapsible', { class: 'history', heading: 'History', description: entries.length ? `${entries.length} recent` : '', open: open ? '' : undefined, 'data-section': 'history' }, body);
}

/** The alert at the top of the panel when Countersign is not guarding: the gate stopped, or an agent's hook will not run. */
export function renderGuardAlert(agents: AgentConnectionView[] | undefined, gate: GateStateView | undefined): HTMLElement | null {
  if (gate === 'stopped') {
    return h(
      'section',
      { class: 'guard-alert is-stopped', role: 'alert' },
      icon('error'),
      h(
        'div',
        { class: 'guard-alert-body' },
        h('div', { class: 'guard-alert-title' }, 'Guarding stopped: the gate is not running'),
        h('div', { class: 'guard-alert-text' }, 'No agent action is reviewed. Connected agents\' hooks deny every action until the gate runs again.'),
        el('vscode-button', { 'data-action': 'restart-gate' }, icon('debug-restart'), ' Restart Gate'),
      ),
    );
  }
  const unguarded = (agents ?? []).filter((a) => a.connected && a.guarded === false);
  if (unguarded.length === 0) return null;
  return h(
    'section',
    { class: 'guard-alert is-unguarded', role: 'alert' },
    icon('warning'),
    h(
      'div',
      { class: 'guard-alert-body' },
      h('div', { class: 'guard-alert-title' }, `Not guarding ${unguarded.map((a) => a.label).join(', ')}`),
      ...unguarded.flatMap((a) => (a.problems ?? []).filter((p) => p.disables).slice(0, 1).map((p) => h('div', { class: 'guard-alert-text' }, `${a.label}: `, h('code', {}, p.setting), ` in ${p.file}. ${p.message}`))),
      ...unguarded.map((a) => el('vscode-button', { 'data-action': 'review-fix', 'data-agent': a.agent, secondary: '' }, icon('wrench'), unguarded.length > 1 ? ` Fix ${a.label}…` : ' Review Fix…')),
    ),
  );
}

function agentState(a: AgentConnectionView, gate: GateStateView | undefined): { text: string; cls: string; icon: string } {
  if (!a.connected) return a.detected ? { text: 'detected, not connected', cls: 'is-detected', icon: 'circle-large-outline' } : { text: 'not found', cls: 'is-missing', icon: 'dash' };
  if (a.guarded === false) return { text: 'connected, not guarding', cls: 'is-unguarded', icon: 'warning' };
  if (gate === 'stopped') return { text: 'connected, guarding stopped (gate not running)', cls: 'is-stopped', icon: 'error' };
  return { text: a.guarded ? 'connected, guarding' : 'connected', cls: 'is-connected', icon: 'pass-filled' };
}

export function renderAgents(agents: AgentConnectionView[] | undefined, open: boolean, gate?: GateStateView, sandbox?: SandboxStatusView): HTMLElement | null {
  if (!agents) return null;
  const connected = agents.filter((a) => a.connected).length;
  const unguarded = agents.filter((a) => a.connected && a.guarded === false).length;
  const body =
    agents.length === 0
      ? h('p', { class: 'section-note' }, 'No agents found on this machine.')
      : h(
          'ul',
          { class: 'agent-list' },
          ...agents.map((a) => {
            const state = agentState(a, gate);
            return h(
              'li',
              { class: `agent ${state.cls}`, 'data-agent': a.agent },
              icon(state.icon),
              h(
                'div',
                { class: 'agent-body' },
                h('div', { class: 'agent-name' }, a.label, h('span', { class: 'agent-state' }, ` · ${state.text}`)),
                a.connected && a.sandbox ? h('div', { class: `agent-sandbox ${a.sandbox.sandboxed ? 'is-sandboxed' : 'not-sandboxed'}` }, a.sandbox.text) : null,
                a.note ? h('div', { class: 'agent-note' }, a.note) : null,
                a.files.length ? h('div', { class: 'agent-files' }, a.files.join(', ')) : null,
                a.problems?.length
                  ? h(
                      'ul',
                      { class: 'agent-problems' },
                      ...a.problems.map((p) => h('li', { class: `agent-problem ${p.disables ? 'disables' : 'loosens'}` }, h('code', {}, p.setting || '(file)'), ` in ${p.file}: ${p.message}`)),
                    )
                  : null,
              ),
            );
          }),
        );
  const connect = el('vscode-button', { secondary: connected ? '' : undefined, 'data-action': 'connect-agents' }, icon('plug'), ' Connect Agents…');
  const description = gate === 'stopped' ? 'guarding stopped' : unguarded > 0 ? `${unguarded} not guarding · ${connected} connected` : `${connected} of ${agents.length} connected`;
  return el(
    'vscode-collapsible',
    // Opened by itself while something is wrong: the rows say which agent and which setting.
    { class: 'agents', heading: 'Agents', description, open: open || gate === 'stopped' || unguarded > 0 ? '' : undefined, 'data-section': 'agents' },
    body,
    sandbox ? h('p', { class: `section-note sandbox-status is-${sandbox.state}`, 'data-sandbox': sandbox.state }, sandbox.text) : null,
    h('div', { class: 'agents-actions' }, connect),
  );
}
