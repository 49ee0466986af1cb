// Asks the VS Code extension (the panel) over LSP. Aborting cancels the request, which removes the card.
import { CancellationTokenSource, type Connection } from 'vscode-languageserver/node';
import { ReviewRequest, type ReviewAnswer, type ReviewItem } from '../protocol/gateLsp';
import type { Reviewer } from './reviewer';

export class LspReviewer implements Reviewer {
  constructor(private readonly connection: Connection) {}

  async review(item: ReviewItem, signal: AbortSignal): Promise<ReviewAnswer> {
    const cancel = new CancellationTokenSource();
    const onAbort = () => cancel.cancel();
    signal.addEventListener('abort', onAbort);
    try {
      const answer = await Promise.race([
        this.connection.sendRequest(ReviewRequest, item, cancel.token),
        new Promise<never>((_, reject) => {
          if (signal.aborted) reject(signal.reason as Error);
          signal.addEventListener('abort', () => reject(signal.reason as Error));
        }),
      ]);
      if (answer?.decision !== 'allow' && answer?.decision !== 'deny') throw new Error('the panel sent no decision');
      return answer;
    } finally {
      signal.removeEventListener('abort', onAbort);
      cancel.dispose();
    }
  }
}
