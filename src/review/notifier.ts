// A notification when a sensitive action waits and the Reviews panel is hidden. Its only button is "Review",
// which reveals the panel on that card: approving from a toast would skip the click-through. The message names
// the agent and tool only: notification text renders links, so agent-written text never goes into it.
// The host shows the notification (src/extension/ctx.ts: VS Code's warning message).
import type { ReviewItem } from '../protocol/gateLsp';
import { agentLabel } from '../protocol/webviewMessages';
import { needsClickThrough } from './clickThrough';
import type { ReviewQueue } from './reviewQueue';

export interface PanelHandle {
  readonly visible: boolean;
  revealCard(id: string): Promise<void>;
}

/** Shows a notification with buttons; resolves to the button clicked, or undefined when dismissed. */
export type Show = (message: string, ...items: string[]) => PromiseLike<string | undefined>;

/** Tool names are agent-chosen too: keep a plain identifier only. */
export function safeToolName(tool: string): string {
  const plain = tool.replace(/[^A-Za-z0-9_.:-]/g, '').slice(0, 60);
  return plain || 'a tool';
}

export function notificationText(item: ReviewItem, waiting: number): string {
  const who = agentLabel(item.action.agent);
  const more = waiting > 1 ? ` (${waiting} actions are waiting)` : '';
  return `Countersign: ${who} wants to run a sensitive action (${safeToolName(item.action.tool)}). Review it before it is denied automatically${more}.`;
}

export class SensitiveNotifier {
  /** The card the open notification is about; a burst of sensitive actions gets one notification, not one each. */
  private current: string | undefined;
  private readonly subs: { dispose(): void }[];
  /** What was shown, newest last (the integration tests read it; nothing else does). */
  readonly shown: string[] = [];

  constructor(
    private readonly queue: ReviewQueue,
    private readonly panel: PanelHandle,
    private readonly show: Show,
  ) {
    this.subs = [
      queue.onDidAdd((item) => this.onAdd(item)),
      // Once that card is decided, the next sensitive action may notify again (an ignored toast must not mute it).
      queue.onDidSettle(({ item }) => {
        if (item.id === this.current) this.current = undefined;
      }),
    ];
  }

  private onAdd(item: ReviewItem): void {
    if (!needsClickThrough(item) || this.panel.visible || this.current) return;
    const text = notificationText(item, this.queue.size);
    this.current = item.id;
    this.shown.push(text);
    void this.ask(item.id, text);
  }

  /** Never rejects: a failed reveal leaves the card in the panel, where it waits anyway. */
  private async ask(id: string, text: string): Promise<void> {
    try {
      const choice = await this.show(text, 'Review');
      if (this.current === id) this.current = undefined;
      // The card may be gone by the time someone clicks; then show whatever waits now.
      if (choice === 'Review') await this.panel.revealCard(this.queue.get(id) ? id : (this.queue.items()[0]?.id ?? ''));
    } catch {
      // the card stays in the panel, where it waits anyway
    }
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
