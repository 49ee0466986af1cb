// One pending action as a card: the summary a reviewer reads first (who, what, why, how long is left), the details
// (full command, effect preview, diffs, confirmation, deny reason), and the decision buttons. Pure rendering:
// the card's UI state comes in, DOM comes out; main.ts wires the events.
import type { DetailsView, FileDiffView, PendingView } from '../protocol/webviewMessages';
import { agentLabel } from '../protocol/webviewMessages';
import type { Effect, EffectKind, Reason, Span } from '../policy/types';
import { el, h, icon, text, type Child } from './dom';
import { countdown, duration, riskLabel, urgency } from './format';
import { renderSimilar } from './similar';

/** What the reviewer has done on a card; survives re-renders (details arriving, the queue changing). */
export interface CardUi {
  expanded: boolean;
  /** Expanded at least once, or opened a diff: the full command or diff has been seen. */
  opened: boolean;
  confirmed: boolean;
  /** The whole text was opened in an editor (or the diff editor, where that shows it whole). */
  inEditor: boolean;
  reason: string;
  /** A decision was sent; buttons stay disabled until the card leaves or the extension refuses. */
  busy: boolean;
  refusal?: string;
}

export function newCardUi(): CardUi {
  return { expanded: false, opened: false, confirmed: false, inEditor: false, reason: '', busy: false };
}

export const isSensitive = (view: PendingView) => view.item.risk !== 'review' && view.item.risk !== 'safe';

/** Whether Approve may be clicked: never while busy; a text too long for the card only after the editor showed it;
 * for sensitive cards only after opening and ticking. The extension's queue enforces the same. */
export function canApprove(view: PendingView, ui: CardUi): boolean {
  if (ui.busy) return false;
  if (view.wholeInEditor && !ui.inEditor) return false;
  return isSensitive(view) ? ui.opened && ui.confirmed : true;
}

const domId = (prefix: string, id: string) => `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The subject with the spans that triggered reasons wrapped in <mark>; everything stays text. */
function highlighted(subjectText: string, spans: Span[], whole: boolean): HTMLElement {
  // `whole`: the card shows every line (no height limit); otherwise the editor shows it whole.
  const pre = h('pre', { class: whole ? 'subject whole' : 'subject long' });
  const sorted = spans.filter((s) => s.start >= 0 && s.end <= subjectText.length && s.start < s.end).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue; // overlapping spans: the first wins
    pre.append(text(subjectText.slice(at, s.start)), h('mark', { title: 'This part triggered a reason below' }, subjectText.slice(s.start, s.end)));
    at = s.end;
  }
  pre.append(text(subjectText.slice(at)));
  return pre;
}

function reasonItem(r: Reason, highlightedInSubject: boolean): HTMLElement {
  const risky = r.risk === 'sensitive' || r.risk === 'blocked';
  const where = r.span && !highlightedInSubject && r.span.text ? h('code', { class: 'span-text' }, r.span.text.length > 120 ? `${r.span.text.slice(0, 120)}…` : r.span.text) : null;
  return h('li', { class: risky ? 'reason risky' : 'reason' }, icon(risky ? 'shield' : 'info'), h('span', {}, r.message, where ? ' ' : null, where));
}

/** How each kind of effect reads in the list, and its icon. */
const DOES: Record<EffectKind, [string, string]> = {
  'file.read': ['Reads', 'file'],
  'file.write': ['Writes', 'edit'],
  'file.delete': ['Deletes', 'trash'],
  'file.list': ['Lists', 'list-flat'],
  'file.permission': ['Changes permissions', 'lock'],
  'program.run': ['Runs', 'terminal'],
  network: ['Network', 'globe'],
  credential: ['Credential', 'key'],
  privilege: ['Privilege', 'shield'],
  'config.security': ['Loosens security', 'unlock'],
  'config.guard': ['Guard config', 'settings-gear'],
  'tool.call': ['Calls', 'tools'],
  destroy: ['Destroys', 'flame'],
  unknown: ['Cannot tell', 'question'],
};

/** What the action would do, one line per effect: the policy's own view, riskiest first. */
function doesList(effects: readonly Effect[] | undefined): HTMLElement | null {
  if (!effects || effects.length === 0) return null;
  return h(
    'div',
    { class: 'does' },
    h('div', { class: 'does-title' }, 'What it does'),
    h(
      'ul',
      { class: 'does-list', 'aria-label': 'What this action does' },
      ...effects.map((e) => {
        const [verb, glyph] = DOES[e.kind];
        const risk = e.risk === 'safe' ? null : h('span', { class: `does-risk badge-${e.risk}` }, riskLabel(e.risk));
        // With a target: "Reads  .env"; without one the effect's own sentence says what it does.
        // The icon keeps its own column; the text after it wraps under itself, not under the icon.
        if (!e.target) return h('li', { class: `does-item does-${e.risk}` }, icon(glyph), h('span', { class: 'does-body' }, h('span', { class: 'does-summary' }, e.summary), risk ? ' ' : '', risk ?? ''));
        const target = h('code', { class: 'does-target' }, e.target.length > 120 ? `${e.target.slice(0, 120)}…` : e.target);
        return h('li', { class: `does-item does-${e.risk}`, title: e.summary }, icon(glyph), h('span', { class: 'does-body' }, h('span', { class: 'does-verb' }, verb), ' ', target, risk ? ' ' : '', risk ?? ''));
      }),
    ),
  );
}

function effectRows(details: DetailsView): HTMLElement | null {
  if (details.effects.length === 0) return null;
  return h(
    'ul',
    { class: 'effects', 'aria-label': 'What this command would change' },
    ...details.effects.map((row) => {
      switch (row.kind) {
        case 'mode':
        case 'owner':
          return h(
            'li',
            { class: `effect effect-${row.kind}` },
            h('span', { class: 'effect-path' }, row.path),
            h('span', { class: 'effect-change' }, h('span', { class: 'before' }, row.before), h('span', { class: 'arrow', 'aria-label': 'becomes' }, ' → '), h('span', { class: 'after' }, row.after)),
          );
        case 'note':
          return h('li', { class: 'effect effect-note' }, icon('info'), h('span', {}, row.text));
      }
    }),
  );
}

function opLabel(op: FileDiffView['op']): string {
  return op === 'add' ? 'new file' : op === 'delete' ? 'deleted' : 'changed';
}

/** One line per file: name, +/− counts, "Open diff". Shown in the summary. */
function fileLine(view: PendingView, d: FileDiffView): HTMLElement {
  return h(
    'div',
    { class: 'file-line' },
    icon(d.op === 'add' ? 'new-file' : d.op === 'delete' ? 'trash' : 'diff'),
    h('span', { class: 'file-path' }, d.path),
    h('span', { class: 'file-op' }, d.canOpen ? opLabel(d.op) : `${opLabel(d.op)} · no diff, see details`),
    d.canOpen ? h('span', { class: 'stat-add', 'aria-label': `${d.added} lines added` }, `+${d.added}`) : null,
    d.canOpen ? h('span', { class: 'stat-del', 'aria-label': `${d.removed} lines removed` }, `−${d.removed}`) : null,
    d.canOpen
      ? el('vscode-button', { secondary: '', 'data-action': 'open-diff', 'data-index': String(d.index), 'aria-label': `Open diff of ${d.path} (${agentLabel(view.item.action.agent)})` }, icon('diff'), ' Open diff')
      : null,
  );
}

function inlineDiff(d: FileDiffView): HTMLElement {
  const box = h('div', { class: 'inline-diff', role: 'group', 'aria-label': `Diff of ${d.path}` });
  if (d.note) box.append(h('p', { class: 'diff-note' }, icon('warning'), h('span', {}, d.note)));
  for (const hunk of d.hunks) {
    const pre = h('pre', { class: 'hunk' }, h('span', { class: 'hunk-head' }, hunk.header));
    for (const line of hunk.lines) {
      const sign = line.kind === 'add' ? '+' : line.kind === 'del' ? '-' : ' ';
      const no = line.kind === 'del' ? line.oldNo : line.newNo;
      pre.append(h('span', { class: `dl dl-${line.kind}` }, h('span', { class: 'ln', 'aria-hidden': 'true' }, String(no ?? '').padStart(4)), h('span', { class: 'sign', 'aria-hidden': 'true' }, sign), line.text));
    }
    box.append(pre);
  }
  if (d.truncated) box.append(h('p', { class: 'diff-note' }, icon('fold'), h('span', {}, 'The diff is cut short here. Open diff shows the whole change.')));
  return box;
}

/** When no diff could be computed: the agent's own fragments (edit) or text (write), so nothing is hidden. */
function fallback(view: PendingView, details: DetailsView | undefined): HTMLElement | null {
  const { action } = view.item;
  if (details?.diffs.some((d) => d.canOpen)) return null;
  if (action.kind === 'edit' && action.edits.length) {
    return h(
      'div',
      { class: 'fragments' },
      h('div', { class: 'label' }, 'Replacements the agent sent'),
      ...action.edits.map((e) =>
        h(
          'pre',
          { class: 'hunk' },
          ...e.oldText.split('\n').map((l) => h('span', { class: 'dl dl-del' }, h('span', { class: 'sign', 'aria-hidden': 'true' }, '-'), l)),
          ...e.newText.split('\n').map((l) => h('span', { class: 'dl dl-add' }, h('span', { class: 'sign', 'aria-hidden': 'true' }, '+'), l)),
        ),
      ),
    );
  }
  if (action.kind === 'write') return h('div', { class: 'fragments' }, h('div', { class: 'label' }, 'Content the agent would write'), h('pre', { class: 'subject' }, action.content));
  if (action.kind === 'patch') return h('div', { class: 'fragments' }, h('div', { class: 'label' }, 'The patch as sent'), h('pre', { class: 'subject' }, action.patch));
  return null;
}

/** The summary's changes slot: effect rows and one line per changed file. */
export function renderChanges(view: PendingView): HTMLElement {
  const slot = h('div', { class: 'changes', 'data-slot': 'changes' });
  const d = view.details;
  if (!d) return slot;
  const rows = effectRows(d);
  if (rows) slot.append(rows);
  for (const diff of d.diffs) slot.append(fileLine(view, diff));
  return slot;
}

/** The details slot: everything a careful decision needs beyond the summary. */
export function renderDetails(view: PendingView, ui: CardUi): HTMLElement {
  const { item } = view;
  const slot = h('div', { class: 'details', id: domId('details', item.id), 'data-slot': 'details', hidden: ui.expanded ? undefined : '' });
  if (view.subject.clipped) slot.append(h('p', { class: 'diff-note' }, icon('warning'), h('span', {}, 'This text is very long; the panel shows its first 20,000 characters.')));
  const { action } = item;
  if ((action.kind === 'edit' || action.kind === 'write' || action.kind === 'read') && view.subject.offset) {
    slot.append(h('div', { class: 'meta' }, icon('file'), h('span', {}, 'Full path: '), h('code', {}, action.path)));
  }
  slot.append(h('div', { class: 'meta' }, icon('folder'), h('span', {}, 'Working directory: '), h('code', {}, action.cwd || '(none given)')));
  // The card shows this subject whole; the editor is there too (to copy it, or when the card's report is not accepted).
  if (!view.wholeInEditor) slot.append(h('div', { class: 'meta' }, el('vscode-button', { secondary: '', 'data-action': 'open-details', 'aria-label': 'Open the whole action in a read-only editor' }, icon('go-to-file'), ' Open in editor')));
  const does = doesList(item.effects);
  if (does) slot.append(does);
  if (!view.details) slot.append(h('p', { class: 'loading' }, icon('loading'), ' Reading the files this action touches…'));
  for (const d of view.details?.diffs ?? []) slot.append(inlineDiff(d));
  const fb = fallback(view, view.details);
  if (fb) slot.append(fb);
  if (view.confirmation) {
    slot.append(
      h(
        'div',
        { class: 'confirm-box' },
        el('vscode-checkbox', { class: 'confirm', 'data-action': 'confirm', checked: ui.confirmed ? '' : undefined }, view.confirmation),
      ),
    );
  }
  const similar = renderSimilar(view);
  if (similar) slot.append(similar);
  slot.append(
    h(
      'label',
      { class: 'reason-label', for: domId('reason', item.id) },
      'Reason sent to the agent if you deny (optional)',
    ),
    el('vscode-textfield', { class: 'deny-reason', id: domId('reason', item.id), placeholder: 'e.g. use the staging bucket instead', maxlength: '2000', value: ui.reason }),
  );
  return slot;
}

/** Under a subject too long for the card: says so, and opens the whole text in a read-only editor. */
function openWhole(view: PendingView): HTMLElement | null {
  const w = view.wholeInEditor;
  if (!w) return null;
  return h(
    'div',
    { class: 'open-whole' },
    h('p', { class: 'diff-note' }, icon('warning'), h('span', {}, `This ${w.what} is too long to show whole here. Open it in the editor to read all of it before approving.`)),
    el('vscode-button', { 'data-action': 'open-details', 'aria-label': `Open the whole ${w.what} in a read-only editor` }, icon('go-to-file'), ` Open whole ${w.what} in editor`),
  );
}

function approveHint(view: PendingView, ui: CardUi): string | undefined {
  if (view.wholeInEditor && !ui.inEditor) return `Too long for the card: open the whole ${view.wholeInEditor.what} in the editor to enable Approve.`;
  if (!isSensitive(view)) return undefined;
  if (!ui.opened) return 'Sensitive: show the details (full command or diff) to enable Approve.';
  if (!ui.confirmed) return 'Sensitive: tick the confirmation above to enable Approve.';
  return undefined;
}

/** Brings the card's buttons, hint and refusal in line with its UI state. */
export function syncCard(card: HTMLElement, view: PendingView, ui: CardUi): void {
  const approve = card.querySelector<HTMLElement>('[data-decision="allow"]');
  const deny = card.querySelector<HTMLElement>('[data-decision="deny"]');
  const toggle = card.querySelector<HTMLElement>('[data-action="toggle"]');
  const details = card.querySelector<HTMLElement>('[data-slot="details"]');
  const hint = card.querySelector<HTMLElement>('.hint');
  const refusal = card.querySelector<HTMLElement>('.refusal');
  const similar = card.querySelector<HTMLElement>('[data-action="allow-similar"]');
  for (const [b, on] of [
    [approve, canApprove(view, ui)],
    [deny, !ui.busy],
    [similar, !ui.busy],
  ] as const) {
    if (!b) continue;
    if (on) b.removeAttribute('disabled');
    else b.setAttribute('disabled', '');
  }
  card.classList.toggle('expanded', ui.expanded);
  toggle?.setAttribute('aria-expanded', String(ui.expanded));
  if (toggle) toggle.replaceChildren(icon(ui.expanded ? 'chevron-up' : 'chevron-down'), text(ui.expanded ? ' Hide details' : isSensitive(view) ? ' Show full details to approve' : ' Show details'));
  if (details) details.hidden = !ui.expanded;
  const hintText = approveHint(view, ui);
  if (hint) {
    hint.hidden = !hintText;
    // Before the details are open the toggle already says so; the hint stays for screen readers (aria-describedby).
    hint.classList.toggle('sr-only', !ui.opened && !view.wholeInEditor);
    hint.replaceChildren(icon('lock'), text(` ${hintText ?? ''}`));
  }
  if (refusal) {
    refusal.hidden = !ui.refusal;
    refusal.replaceChildren(ui.refusal ? text(ui.refusal) : '');
  }
}

/** Which agent session asked: VS Code's chat sessions, Claude Code's and the others' (a short id; the whole in the tooltip). */
function sessionTag(action: PendingView['item']['action']): Child {
  const id = action.sessionId;
  if (!id) return null;
  const label = action.agent === 'vscode' ? 'chat session' : 'session';
  return h('span', { class: 'session', title: `${label} ${id}` }, icon('comment-discussion'), `${label} ${id.slice(0, 8)}`);
}

export function renderCard(view: PendingView, ui: CardUi, now: number): HTMLElement {
  const { item, subject } = view;
  const { action } = item;
  const offset = subject.offset ?? 0;
  // Spans index the whole field; the subject may show only its tail (a relative path): keep the visible part.
  const shift = (sp: Span): Span => ({ ...sp, start: Math.max(0, sp.start - offset), end: Math.min(subject.text.length, sp.end - offset) });
  const fits = (sp: Span) => sp.field === subject.field && Math.max(0, sp.start - offset) < Math.min(subject.text.length, sp.end - offset);
  const spans = item.reasons.flatMap((r) => (r.span && fits(r.span) ? [shift(r.span)] : []));
  // A subject cut short in the card may hide the span: then the reason names it itself.
  const inSubject = (r: Reason) => !!r.span && fits(r.span) && !view.wholeInEditor;
  const who = `${agentLabel(action.agent)} · ${action.tool}`;
  const left = item.deadline - now;
  const headingId = domId('title', item.id);
  const hintId = domId('hint', item.id);
  const explanation: Child = action.explanation ? h('p', { class: 'explanation' }, icon('comment'), h('span', {}, h('span', { class: 'said' }, 'Agent says: '), action.explanation)) : null;
  const card = h(
    'article',
    {
      class: `card risk-${item.risk}`,
      'data-id': item.id,
      tabindex: '-1',
      'aria-labelledby': headingId,
      'aria-describedby': hintId,
    },
    h(
      'header',
      { class: 'card-head' },
      h('span', { class: `badge badge-${item.risk}` }, icon(isSensitive(view) ? 'shield' : 'eye'), riskLabel(item.risk)),
      h('h2', { class: 'who', id: headingId }, h('span', { class: 'sr-only' }, `${riskLabel(item.risk)} action from `), who),
      h('span', { class: 'age', 'data-received': String(item.receivedAt), title: 'Time waiting' }, icon('clock'), h('span', { class: 'age-text' }, duration(now - item.receivedAt))),
    ),
    h(
      'div',
      { class: 'card-meta' },
      view.workspaceName ? h('span', { class: 'workspace', title: item.workspaceFolder }, icon('folder'), view.workspaceName) : h('span', { class: 'workspace' }, icon('folder'), 'outside the workspace'),
      sessionTag(action),
      h(
        'span',
        { class: `countdown ${urgency(left)}`, role: 'timer', 'data-deadline': String(item.deadline), title: 'When Countersign denies automatically, shortly before the agent would stop waiting' },
        icon('watch'),
        h('span', { class: 'countdown-text' }, `auto-deny in ${countdown(left)}`),
      ),
    ),
    h('div', { class: 'label' }, subject.label),
    highlighted(subject.text, spans, !view.wholeInEditor && !subject.clipped),
    openWhole(view),
    explanation,
    h('ul', { class: 'reasons', 'aria-label': 'Why this needs a decision' }, ...item.reasons.map((r) => reasonItem(r, inSubject(r)))),
    renderChanges(view),
    h(
      'button',
      { class: 'toggle', type: 'button', 'data-action': 'toggle', 'aria-expanded': 'false', 'aria-controls': domId('details', item.id) },
      'Show details',
    ),
    renderDetails(view, ui),
    h('p', { class: 'hint', id: hintId, hidden: '' }),
    h('p', { class: 'refusal', role: 'alert', hidden: '' }),
    h(
      'div',
      { class: 'actions' },
      el('vscode-button', { secondary: '', 'data-decision': 'deny', 'aria-label': `Deny: ${who}` }, icon('close'), ' Deny'),
      el('vscode-button', { 'data-decision': 'allow', 'aria-label': `Approve: ${who}`, 'aria-describedby': hintId }, icon('check'), ' Approve'),
    ),
  );
  syncCard(card, view, ui);
  return card;
}

/** Replaces the changes and details slots after the extension sent the files' previews. */
export function updateCard(card: HTMLElement, view: PendingView, ui: CardUi): void {
  card.querySelector('[data-slot="changes"]')?.replaceWith(renderChanges(view));
  const old = card.querySelector('[data-slot="details"]');
  const next = renderDetails(view, ui);
  // Keep the reason field the reviewer may be typing in (its focus and caret survive).
  const field = old?.querySelector('.deny-reason');
  if (field) next.querySelector('.deny-reason')?.replaceWith(field);
  old?.replaceWith(next);
  syncCard(card, view, ui);
}
