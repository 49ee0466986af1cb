// The integration tests' door into the panel. It exists only in development builds: scripts/build.mjs defines
// COUNTERSIGN_TEST_SEAM as false for `--production` (what the .vsix ships), which removes this module from the bundle,
// and even then the extension exposes it only in ExtensionMode.Test. It can never take a click-through step: the
// steps (details seen, confirmation ticked, editor opened) come only from the real panel and editors, so a test
// approves a sensitive or too-long action only by clicking (test/ui).
import type { HistoryEntryView, AllowRuleView } from '../protocol/webviewMessages';
import { isFromWebview } from '../protocol/webviewMessages';
import type { ReviewQueue } from '../review/reviewQueue';
import type { HandleResult } from '../review/panelController';
import type { ReviewViewProvider } from './reviewView';

/** Test-mode doors into the panel: the same paths the webview and the notifications use, observable. */
export interface CountersignTesting {
  /** A decision through the queue's own rules: an approval the click-through has not unlocked is refused (false). */
  decide(id: string, decision: 'allow' | 'deny'): boolean;
  /** Delivers a message as if the review panel's webview had sent it, except the click-through steps. */
  panel(message: unknown): HandleResult;
  /** Opens a card's diff editor as "Open diff" does, without counting as having seen the details. */
  openDiff(id: string, index: number): Promise<boolean>;
  notifications(): string[];
  /** Guard and gate notifications shown (not guarding, gate stopped). */
  guardNotifications(): string[];
  rules(): AllowRuleView[];
  history(): HistoryEntryView[];
}

export interface TestSeamDeps {
  queue: ReviewQueue;
  view: ReviewViewProvider;
  notifications: () => string[];
  guardNotifications: () => string[];
  rules: () => AllowRuleView[];
  history: () => HistoryEntryView[];
}

/** Messages only a person's click in the panel (or the editor it opens) may send. */
const CLICK_THROUGH_STEPS = new Set(['opened', 'confirm', 'openDetails']);

export function testSeam(deps: TestSeamDeps): CountersignTesting {
  return {
    decide: (id, decision) => deps.queue.decide(id, { decision }).ok,
    panel: (message) => {
      if (isFromWebview(message) && CLICK_THROUGH_STEPS.has(message.type)) return { ok: false, why: `the test seam cannot send '${message.type}': click-through steps come only from clicks` };
      return deps.view.receive(message);
    },
    openDiff: (id, index) => deps.view.openDiff(id, index, false),
    notifications: deps.notifications,
    guardNotifications: deps.guardNotifications,
    rules: deps.rules,
    history: deps.history,
  };
}
