// The extension's own check of the click-through: an approval of a sensitive action counts only after the panel
// reported that the reviewer opened the full command or diff and ticked the confirmation. The webview enforces the
// same with a disabled button; this makes a webview bug (or a stray message) unable to approve. No vscode import.
import type { ReviewItem } from '../protocol/gateLsp';

interface Progress {
  opened: boolean;
  confirmed: boolean;
}

export function needsClickThrough(item: ReviewItem): boolean {
  return item.risk !== 'review' && item.risk !== 'safe';
}

export class ClickThrough {
  private readonly state = new Map<string, Progress>();

  private of(id: string): Progress {
    let p = this.state.get(id);
    if (!p) {
      p = { opened: false, confirmed: false };
      this.state.set(id, p);
    }
    return p;
  }

  /** The reviewer expanded the card's details or opened its diff. */
  opened(id: string): void {
    this.of(id).opened = true;
  }

  confirm(id: string, checked: boolean): void {
    this.of(id).confirmed = checked;
  }

  /** Why an approval must be refused, or undefined when it may go through. Denials are always fine. */
  refusal(item: ReviewItem, decision: 'allow' | 'deny'): string | undefined {
    if (decision === 'deny' || !needsClickThrough(item)) return undefined;
    const p = this.state.get(item.id);
    if (!p?.opened) return 'A sensitive action can be approved only after you open its full command or diff.';
    if (!p.confirmed) return 'A sensitive action can be approved only after you tick its confirmation.';
    return undefined;
  }

  forget(id: string): void {
    this.state.delete(id);
  }
}
