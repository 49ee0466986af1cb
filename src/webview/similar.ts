// The card's "Allow similar" block: a segmented choice of scope (this session, this workspace, only this one), the
// plain sentence saying what the chosen scope allows, and the button. The chosen scope is kept per card here, so
// re-rendering the details (when the previews arrive) keeps it.
import type { PendingView, ScopeChoice, SimilarOptionView } from '../protocol/webviewMessages';
import { el, h, icon, type Child } from './dom';

const chosen = new Map<string, ScopeChoice>();

const BUTTON: Record<ScopeChoice, string> = { session: 'Allow similar for this session', workspace: 'Allow similar in this workspace', once: 'Approve just this one' };

/** `npm test` between backticks becomes code; everything stays text. */
function sentence(s: string): Child[] {
  return s.split('`').map((part, i) => (i % 2 === 1 ? h('code', {}, part) : part));
}

function current(id: string, options: SimilarOptionView[]): SimilarOptionView | undefined {
  const pick = chosen.get(id);
  return options.find((o) => o.scope === pick && !o.unavailable) ?? options.find((o) => !o.unavailable);
}

export function renderSimilar(view: PendingView): HTMLElement | null {
  const similar = view.similar;
  if (!similar) return null;
  const id = view.item.id;
  if ('unavailable' in similar) {
    return h('div', { class: 'similar', 'data-slot': 'similar' }, h('p', { class: 'similar-note' }, icon('info'), h('span', {}, `No "Allow similar" here: ${similar.unavailable}`)));
  }
  const pick = current(id, similar.options);
  if (!pick) return null;
  const titleId = `similar-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return h(
    'div',
    { class: 'similar', 'data-slot': 'similar' },
    h('p', { class: 'similar-title', id: titleId }, icon('history'), h('span', {}, 'Allow similar actions without asking')),
    h(
      'div',
      { class: 'scope-choice', role: 'radiogroup', 'aria-labelledby': titleId },
      ...similar.options.map((o) =>
        h(
          'button',
          {
            type: 'button',
            class: 'scope',
            role: 'radio',
            'data-action': 'similar-scope',
            'data-scope': o.scope,
            'aria-checked': String(o.scope === pick.scope),
            disabled: o.unavailable ? '' : undefined,
            title: o.unavailable ?? o.sentence,
          },
          o.label,
        ),
      ),
    ),
    h('p', { class: 'similar-sentence' }, ...sentence(pick.sentence)),
    pick.scope === 'once' ? null : h('p', { class: 'similar-note' }, 'Only actions whose every effect matches; never a sensitive one. Listed below, revocable.'),
    el('vscode-button', { secondary: '', 'data-action': 'allow-similar', 'data-scope': pick.scope, 'aria-label': `${BUTTON[pick.scope]}: ${pick.sentence}` }, BUTTON[pick.scope]),
  );
}

/** The reviewer picked a scope: remember it and redraw the block in place. */
export function chooseScope(card: HTMLElement, view: PendingView, scope: string): void {
  if (scope !== 'once' && scope !== 'session' && scope !== 'workspace') return;
  chosen.set(view.item.id, scope);
  const next = renderSimilar(view);
  const old = card.querySelector('[data-slot="similar"]');
  if (old && next) {
    old.replaceWith(next);
    next.querySelector<HTMLElement>(`[data-scope="${scope}"]`)?.focus();
  }
}

export function forgetScope(id: string): void {
  chosen.delete(id);
}
