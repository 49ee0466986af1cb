// Whether the panel's report of an expanded card proves the reviewer had the whole subject in front of them: the
// text the card's subject box rendered must be exactly the subject the extension sent (hidden characters as their
// visible markers), the box must not have had to scroll, and the subject must be one the card can show whole at all.
import type { PendingView } from '../protocol/webviewMessages';
import { revealText } from '../webview/visible';

export function cardShowedWhole(view: Pick<PendingView, 'subject' | 'wholeInEditor'>, rendered: string | undefined, overflow: boolean | undefined): boolean {
  if (view.subject.clipped || view.wholeInEditor) return false;
  return rendered !== undefined && overflow === false && rendered === revealText(view.subject.text);
}
