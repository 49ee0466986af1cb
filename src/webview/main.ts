// Review panel script. Receives the queue, rules, history and agents from the extension, renders them, and
// reports what the reviewer does. Cards are keyed by id and kept across messages, so what the reviewer has opened,
// ticked or typed survives new arrivals. No polling: the one timer ticks the visible clocks once a second.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { AgentConnectionView, AllowRuleView, FromWebview, GateStateView, HistoryEntryView, PendingView, SandboxStatusView, ToWebview } from '../protocol/webviewMessages';
import { agentLabel } from '../protocol/webviewMessages';
import { canApprove, isSensitive, newCardUi, renderCard, syncCard, updateCard, type CardUi } from './card';
import { el, h, icon } from './dom';
import { ago, countdown, duration, urgency } from './format';
import { renderAgents, renderGuardAlert, renderHistory, renderRules } from './sections';
import { chooseScope, forgetScope } from './similar';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface Card {
  view: PendingView;
  ui: CardUi;
  el?: HTMLElement;
}

/** Cards rendered at once; the rest wait behind "Show more" so a flood of 500 stays responsive. */
const PAGE = 100;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
const post = (m: FromWebview) => vscode.postMessage(m);

const cards = new Map<string, Card>();
let order: string[] = [];
let limit = PAGE;
let clockSkew = 0; // extension time minus webview time
let currentId: string | undefined;
let rules: AllowRuleView[] = [];
let history: HistoryEntryView[] = [];
let agents: AgentConnectionView[] | undefined;
let gate: GateStateView | undefined;
let sandbox: SandboxStatusView | undefined;
const sectionOpen = { history: false, agents: false };
const now = () => Date.now() + clockSkew;

// The skeleton is built once; each message updates only its own part.
const announce = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true', id: 'announce' });
const count = h('span', { class: 'count', 'aria-label': '0 pending' }, '0');
const denyAll = el('vscode-button', { secondary: '', 'data-action': 'deny-all', hidden: '', 'aria-label': 'Deny every pending action' }, 'Deny all');
const queueEl = h('section', { class: 'queue', 'aria-label': 'Pending actions, newest first' });
const empty = h(
  'section',
  { class: 'empty' },
  icon('shield'),
  h('h2', {}, 'No agent actions are waiting'),
  h('p', {}, 'When a connected agent wants to run a command or change a file that needs your decision, it appears here.'),
);
const more = h('div', { class: 'more' });
const keys = h(
  'p',
  { class: 'keys', id: 'keys' },
  icon('keyboard'),
  ' ↑ ↓ move · E details · A approve (never a sensitive action) · D deny · O open diff',
);
const rulesSlot = h('div', { class: 'rules-slot' });
const historySlot = h('div', { class: 'history-slot' });
const agentsSlot = h('div', { class: 'agents-slot' });
const guardSlot = h('div', { class: 'guard-slot' });
app.replaceChildren(
  announce,
  guardSlot,
  h('header', { class: 'panel-head' }, h('h1', {}, 'Pending'), count, h('span', { class: 'spacer' }), denyAll),
  empty,
  queueEl,
  more,
  keys,
  rulesSlot,
  historySlot,
  agentsSlot,
);

function say(message: string): void {
  // Clearing first makes screen readers announce a repeated message again.
  announce.textContent = '';
  requestAnimationFrame(() => (announce.textContent = message));
}

function cardEl(c: Card): HTMLElement {
  c.el ??= renderCard(c.view, c.ui, now());
  return c.el;
}

function visibleCards(): Card[] {
  return order
    .slice(0, limit)
    .map((id) => cards.get(id))
    .filter((c): c is Card => c !== undefined);
}

function renderQueue(): void {
  const visible = visibleCards();
  let ref = queueEl.firstElementChild;
  for (const c of visible) {
    const e = cardEl(c);
    if (e === ref) ref = ref.nextElementSibling;
    else queueEl.insertBefore(e, ref);
  }
  while (ref) {
    const next = ref.nextElementSibling;
    ref.remove();
    ref = next;
  }
  const n = order.length;
  count.textContent = String(n);
  count.setAttribute('aria-label', `${n} pending`);
  empty.hidden = n > 0;
  queueEl.hidden = n === 0;
  keys.hidden = n === 0;
  if (n > 1) denyAll.removeAttribute('hidden');
  else denyAll.setAttribute('hidden', '');
  const rest = n - visible.length;
  more.replaceChildren(
    rest > 0 ? el('vscode-button', { secondary: '', 'data-action': 'show-more' }, `Show ${Math.min(PAGE, rest)} more (${rest} not shown)`) : '',
  );
  // Keep exactly one card in the tab order.
  if (!currentId || !cards.has(currentId)) currentId = visible[0]?.view.item.id;
  for (const c of visible) c.el?.setAttribute('tabindex', c.view.item.id === currentId ? '0' : '-1');
}

function describeNew(added: Card[]): string {
  const sensitive = added.filter((c) => isSensitive(c.view)).length;
  if (added.length === 1) {
    const v = (added[0] as Card).view;
    const subject = v.subject.text.split('\n')[0]?.slice(0, 100) ?? '';
    return `New ${isSensitive(v) ? 'sensitive' : ''} action from ${agentLabel(v.item.action.agent)}: ${subject}`;
  }
  return `${added.length} new actions waiting${sensitive ? `, ${sensitive} sensitive` : ''}`;
}

function applyQueue(msg: Extract<ToWebview, { type: 'queue' }>): void {
  clockSkew = msg.now - Date.now();
  const focusedId = (document.activeElement?.closest('article.card') as HTMLElement | null)?.dataset.id;
  const focusedIndex = focusedId ? order.indexOf(focusedId) : -1;
  const live = new Set(msg.order);
  const added: Card[] = [];
  for (const view of msg.views) {
    const id = view.item.id;
    const existing = cards.get(id);
    if (existing) {
      existing.view = view;
      if (existing.el) updateCard(existing.el, view, existing.ui);
    } else {
      const c: Card = { view, ui: newCardUi() };
      cards.set(id, c);
      added.push(c);
    }
  }
  for (const id of [...cards.keys()]) {
    if (live.has(id)) continue;
    cards.delete(id);
    forgetScope(id);
  }
  order = msg.order;
  renderQueue();
  if (added.length && !msg.reset) say(describeNew(added));
  // The focused card was decided: focus the one that took its place, so the keyboard flow continues.
  if (focusedId && !live.has(focusedId)) {
    const next = visibleCards()[Math.min(Math.max(focusedIndex, 0), visibleCards().length - 1)];
    if (next) focusCard(next.view.item.id);
  }
}

function focusCard(id: string): void {
  const c = cards.get(id);
  if (!c) return;
  const index = order.indexOf(id);
  if (index >= limit) {
    limit = Math.ceil((index + 1) / PAGE) * PAGE;
    renderQueue();
  }
  currentId = id;
  for (const other of visibleCards()) other.el?.setAttribute('tabindex', other.view.item.id === id ? '0' : '-1');
  const e = cardEl(c);
  e.focus();
  e.scrollIntoView({ block: 'nearest' });
}

function setExpanded(c: Card, expanded: boolean): void {
  c.ui.expanded = expanded;
  const first = expanded && !c.ui.opened;
  if (first) c.ui.opened = true;
  if (c.el) syncCard(c.el, c.view, c.ui);
  // Report what the expanded card really shows: its subject's text and whether the box has to scroll. The extension
  // counts the details as seen only when that is the whole subject it sent.
  if (first) {
    const box = c.el?.querySelector<HTMLElement>('.subject');
    const overflow = !box || box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
    post({ type: 'opened', id: c.view.item.id, rendered: box?.textContent ?? '', overflow });
  }
}

/** "Open whole … in editor": the extension opens a read-only editor and refuses Approve until it has. */
function openDetails(c: Card): void {
  c.ui.inEditor = true;
  c.ui.opened = true;
  if (c.el) syncCard(c.el, c.view, c.ui);
  post({ type: 'openDetails', id: c.view.item.id });
}

function openDiff(c: Card, index: number): void {
  c.ui.opened = true;
  if (c.view.wholeInEditor?.diffCounts) c.ui.inEditor = true;
  if (c.el) syncCard(c.el, c.view, c.ui);
  post({ type: 'openDiff', id: c.view.item.id, index });
}

function reasonOf(c: Card): string | undefined {
  const field = c.el?.querySelector<HTMLElement & { value?: string }>('.deny-reason');
  const value = (field?.value ?? c.ui.reason).trim();
  return value || undefined;
}

function decide(c: Card, decision: 'allow' | 'deny'): void {
  if (c.ui.busy) return;
  if (decision === 'allow' && !canApprove(c.view, c.ui)) return;
  c.ui.busy = true;
  c.ui.refusal = undefined;
  if (c.el) syncCard(c.el, c.view, c.ui);
  post({ type: 'decide', id: c.view.item.id, decision, reason: decision === 'deny' ? reasonOf(c) : undefined });
}

function cardOf(target: EventTarget | null): Card | undefined {
  const id = (target as HTMLElement | null)?.closest<HTMLElement>('article.card')?.dataset.id;
  return id ? cards.get(id) : undefined;
}

app.addEventListener('click', (e) => {
  const target = e.target as HTMLElement;
  const actionEl = target.closest<HTMLElement>('[data-action], [data-decision]');
  if (!actionEl || actionEl.hasAttribute('disabled')) return;
  const c = cardOf(actionEl);
  if (c) currentId = c.view.item.id;
  const decision = actionEl.dataset.decision;
  if (c && (decision === 'allow' || decision === 'deny')) return decide(c, decision);
  switch (actionEl.dataset.action ?? '') {
    case 'toggle':
      if (c) setExpanded(c, !c.ui.expanded);
      return;
    case 'open-diff':
      if (c) openDiff(c, Number(actionEl.dataset.index ?? 0));
      return;
    case 'open-details':
      if (c) openDetails(c);
      return;
    case 'similar-scope':
      if (c?.el && actionEl.dataset.scope) chooseScope(c.el, c.view, actionEl.dataset.scope);
      return;
    case 'allow-similar': {
      const scope = actionEl.dataset.scope;
      if (c && !isSensitive(c.view) && !c.ui.busy && (scope === 'once' || scope === 'session' || scope === 'workspace')) {
        c.ui.busy = true;
        if (c.el) syncCard(c.el, c.view, c.ui);
        post({ type: 'allowSimilar', id: c.view.item.id, scope });
      }
      return;
    }
    case 'deny-all': {
      const ids = [...order];
      for (const id of ids) {
        const card = cards.get(id);
        if (card) card.ui.busy = true;
        if (card?.el) syncCard(card.el, card.view, card.ui);
      }
      post({ type: 'denyAll', ids });
      return;
    }
    case 'revoke':
      if (actionEl.dataset.rule) post({ type: 'revokeRule', ruleId: actionEl.dataset.rule });
      return;
    case 'show-more':
      limit += PAGE;
      renderQueue();
      return;
    case 'connect-agents':
      post({ type: 'connectAgents' });
      return;
    case 'restart-gate':
      post({ type: 'restartGate' });
      return;
    case 'review-fix':
      if (actionEl.dataset.agent) post({ type: 'reviewGuardFix', agent: actionEl.dataset.agent });
      return;
    default:
      return;
  }
});

app.addEventListener('change', (e) => {
  const target = e.target as HTMLElement & { checked?: boolean };
  if (!target.matches('vscode-checkbox.confirm')) return;
  const c = cardOf(target);
  if (!c) return;
  c.ui.confirmed = target.checked === true;
  post({ type: 'confirm', id: c.view.item.id, checked: c.ui.confirmed });
  if (c.el) syncCard(c.el, c.view, c.ui);
});

app.addEventListener('input', (e) => {
  const target = e.target as HTMLElement & { value?: string };
  if (!target.matches('vscode-textfield.deny-reason')) return;
  const c = cardOf(target);
  if (c) c.ui.reason = target.value ?? '';
});

app.addEventListener('vsc-collapsible-toggle', (e) => {
  const section = (e.target as HTMLElement).dataset.section;
  if (section === 'history' || section === 'agents') sectionOpen[section] = e.detail.open;
});

/** Single-key shortcuts while focus is in the queue and not in a text field. `a` never approves a sensitive card. */
document.addEventListener('keydown', (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
  const target = e.target as HTMLElement;
  if (target.closest('vscode-textfield, input, textarea')) return;
  const visible = visibleCards();
  if (visible.length === 0) return;
  const c = cardOf(target) ?? (currentId ? cards.get(currentId) : undefined) ?? visible[0];
  if (!c) return;
  const index = visible.indexOf(c);
  const move = (to: number) => {
    const next = visible[Math.max(0, Math.min(visible.length - 1, to))];
    if (next) focusCard(next.view.item.id);
  };
  const onCard = target.matches('article.card');
  switch (e.key) {
    case 'ArrowDown':
    case 'j':
    case 'n':
      move(index + 1);
      break;
    case 'ArrowUp':
    case 'k':
    case 'p':
      move(index - 1);
      break;
    case 'Home':
      move(0);
      break;
    case 'End':
      move(visible.length - 1);
      break;
    case 'e':
      setExpanded(c, !c.ui.expanded);
      break;
    case 'Enter':
    case ' ':
      if (!onCard) return; // buttons and checkboxes handle their own keys
      setExpanded(c, !c.ui.expanded);
      break;
    case 'a':
      if (c.view.wholeInEditor && !c.ui.inEditor) {
        c.ui.refusal = `This ${c.view.wholeInEditor.what} is too long for the card: open it whole in the editor before approving.`;
        if (c.el) syncCard(c.el, c.view, c.ui);
        say(c.ui.refusal);
        break;
      }
      if (isSensitive(c.view)) {
        c.ui.refusal = 'Shortcuts never approve a sensitive action: show the details, tick the confirmation and click Approve.';
        if (c.el) syncCard(c.el, c.view, c.ui);
        say(c.ui.refusal);
        break;
      }
      decide(c, 'allow');
      break;
    case 'd':
      decide(c, 'deny');
      break;
    case 'o': {
      const diff = c.view.details?.diffs.find((d) => d.canOpen);
      if (!diff) return;
      openDiff(c, diff.index);
      break;
    }
    default:
      return;
  }
  e.preventDefault();
});

function renderSections(): void {
  rulesSlot.replaceChildren(renderRules(rules) ?? '');
  historySlot.replaceChildren(renderHistory(history, now(), sectionOpen.history));
  agentsSlot.replaceChildren(renderAgents(agents, sectionOpen.agents, gate, sandbox) ?? '');
  guardSlot.replaceChildren(renderGuardAlert(agents, gate) ?? '');
}

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'queue':
      applyQueue(msg);
      return;
    case 'rules':
      rules = msg.rules;
      rulesSlot.replaceChildren(renderRules(rules) ?? '');
      return;
    case 'history':
      history = msg.entries;
      historySlot.replaceChildren(renderHistory(history, now(), sectionOpen.history));
      return;
    case 'agents':
      agents = msg.agents;
      gate = msg.gate ?? gate;
      sandbox = msg.sandbox ?? sandbox;
      agentsSlot.replaceChildren(renderAgents(agents, sectionOpen.agents, gate, sandbox) ?? '');
      guardSlot.replaceChildren(renderGuardAlert(agents, gate) ?? '');
      return;
    case 'refused': {
      const c = cards.get(msg.id);
      if (!c) return;
      c.ui.busy = false;
      c.ui.refusal = msg.why;
      if (c.el) syncCard(c.el, c.view, c.ui);
      say(msg.why);
      return;
    }
    case 'focus':
      focusCard(msg.id);
      return;
  }
});

// Keep "time waiting", the countdowns and "… ago" current without asking the extension for anything.
setInterval(() => {
  const t = now();
  for (const c of visibleCards()) {
    const e = c.el;
    if (!e) continue;
    const age = e.querySelector('.age-text');
    if (age) age.textContent = duration(t - c.view.item.receivedAt);
    const left = c.view.item.deadline - t;
    const cd = e.querySelector('.countdown');
    if (cd) cd.className = `countdown ${urgency(left)}`;
    const cdText = e.querySelector('.countdown-text');
    if (cdText) cdText.textContent = `auto-deny in ${countdown(left)}`;
  }
  for (const a of historySlot.querySelectorAll<HTMLElement>('.history-ago')) a.textContent = ago(t - Number(a.dataset.at));
}, 1000);

renderQueue();
renderSections();
post({ type: 'ready' });
