// The click-through as rules on evidence. A sensitive action is approved only after its details were opened (seen by
// the extension: the card's details rendered whole, the details editor or the diff editor) and its confirmation
// ticked; any action too long for the card is approved only after it was open whole in an editor. The review queue
// builds the evidence from what it observed and refuses an approval without it; the gate checks the same evidence
// against its own copy of the action, so neither a webview bug nor a reviewer other than the panel can skip a step.
import type { Action, Risk } from '../policy/types';
import type { ClickThroughEvidence, DetailsSeenIn, ReviewItem } from '../protocol/gateLsp';
import { editorNeed, shownDigest, wholeText } from './wholeText';

export function needsClickThrough(item: Pick<ReviewItem, 'risk'>): boolean {
  return item.risk !== 'review' && item.risk !== 'safe';
}

/** The evidence as checked: what a reviewer sent, its `shown` possibly missing. */
export type Evidence = Omit<ClickThroughEvidence, 'shown'> & { shown?: ClickThroughEvidence['shown'] };

/** Why a human's approval must not count, or undefined when the evidence covers every step this action needs. */
export function clickThroughProblem(action: Action, risk: Risk, evidence: Evidence | undefined): string | undefined {
  const sensitive = needsClickThrough({ risk });
  const need = editorNeed(action);
  if (!sensitive && !need) return undefined;
  const what = wholeText(action).what;
  if (!evidence) return sensitive ? 'the approval of a sensitive action came without the click-through (details opened, confirmation ticked)' : `the approval came without the whole ${what} having been opened in an editor`;
  if (evidence.shown?.sha256 !== shownDigest(wholeText(action).text).sha256) return `the approval is for a different ${what} than the one that would run`;
  if (sensitive && (!evidence.detailsOpened || evidence.openedVia.length === 0)) return 'a sensitive action was approved without its details having been opened';
  if (sensitive && !evidence.confirmed) return 'a sensitive action was approved without its confirmation ticked';
  const inEditor = evidence.openedVia.includes('editor') || (need === 'editor-or-diff' && evidence.openedVia.includes('diff'));
  if (need && (!evidence.shownWhole || !inEditor)) return `the ${what} is too long to show whole in the card and was approved without having been opened whole in an editor`;
  if (!evidence.shownWhole) return `the ${what} was approved without having been shown whole`;
  return undefined;
}

interface Progress {
  seen: Set<DetailsSeenIn>;
  confirmed: boolean;
  confirmation?: string;
}

/** What the extension observed per pending item. Only the extension's own code calls `saw` (after checking). */
export class ClickThrough {
  private readonly state = new Map<string, Progress>();

  private of(id: string): Progress {
    let p = this.state.get(id);
    if (!p) {
      p = { seen: new Set(), confirmed: false };
      this.state.set(id, p);
    }
    return p;
  }

  /** The extension saw the whole details of `id` in the card, the details editor or the diff editor. */
  saw(id: string, where: DetailsSeenIn): void {
    this.of(id).seen.add(where);
  }

  confirm(id: string, checked: boolean, sentence?: string): void {
    const p = this.of(id);
    p.confirmed = checked;
    p.confirmation = checked ? sentence : undefined;
  }

  /** The evidence for `item` as it stands. */
  evidence(item: ReviewItem): ClickThroughEvidence {
    const p = this.state.get(item.id) ?? { seen: new Set<DetailsSeenIn>(), confirmed: false };
    const need = editorNeed(item.action);
    const openedVia = [...p.seen].sort();
    const shownWhole = need === 'editor' ? p.seen.has('editor') : need === 'editor-or-diff' ? p.seen.has('editor') || p.seen.has('diff') : p.seen.size > 0 || !needsClickThrough(item);
    return {
      detailsOpened: p.seen.size > 0,
      openedVia,
      confirmed: p.confirmed,
      ...(p.confirmation !== undefined ? { confirmation: p.confirmation } : {}),
      shownWhole,
      shown: shownDigest(wholeText(item.action).text),
    };
  }

  /** Why an approval of `item` must be refused now, in words for the reviewer; undefined when it may go through. */
  refusal(item: ReviewItem): string | undefined {
    const p = this.state.get(item.id);
    const need = editorNeed(item.action);
    const what = wholeText(item.action).what;
    const inEditor = !!p && (p.seen.has('editor') || (need === 'editor-or-diff' && p.seen.has('diff')));
    if (need && !inEditor) return `This ${what} is too long to show whole in the card: open it in the editor before approving.`;
    if (!needsClickThrough(item)) return undefined;
    if (!p || p.seen.size === 0) return 'A sensitive action can be approved only after you open its full command or diff.';
    if (!p.confirmed) return 'A sensitive action can be approved only after you tick its confirmation.';
    return undefined;
  }

  forget(id: string): void {
    this.state.delete(id);
  }
}
