// The real LSP gate (dist/gate.js, as vscode-languageclient starts it) with the test as its client: a stand-in for
// the review panel that can hold cards pending, answer them, shut the gate down or kill it mid-request.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { GateStatusRequest, ReviewRequest, type GateInitOptions, type GateStatus, type ReviewAnswer, type ReviewItem } from '../../../src/protocol/gateLsp';
import { REPO, type Sandbox } from './harness';

export interface PendingCard {
  item: ReviewItem;
  answer(a: ReviewAnswer): void;
}

export interface LspGate {
  status: GateStatus;
  auditDir: string;
  child: ChildProcess;
  /** Cards the gate asked about and nobody answered yet, oldest first. */
  pending: PendingCard[];
  /** Resolves with the next card the gate shows (or one already waiting). */
  nextCard(): Promise<PendingCard>;
  /** Resolves once the gate has shown `n` cards in all (answered or not). */
  cardsShown(n: number): Promise<void>;
  /** The extension's orderly stop (LSP shutdown + exit), as VS Code does on reload or window close. */
  shutdown(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startLspGate(box: Sandbox, folders: string[]): Promise<LspGate> {
  const auditDir = join(box.dir, 'lsp-audit');
  const child = spawn(process.execPath, [join(REPO, 'dist', 'gate.js'), '--node-ipc'], { env: box.env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  child.stderr?.resume();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const connection: MessageConnection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const pending: PendingCard[] = [];
  const waiters: ((c: PendingCard) => void)[] = [];
  let shown = 0;
  const counters: { n: number; done: () => void }[] = [];
  connection.onRequest(ReviewRequest, (item, token) =>
    new Promise<ReviewAnswer>((resolve) => {
      const card: PendingCard = {
        item,
        answer: (a) => {
          pending.splice(pending.indexOf(card), 1);
          resolve(a);
        },
      };
      // The gate withdraws the card (deadline, hook gone): the panel drops it, as ReviewQueue does.
      token.onCancellationRequested(() => pending.includes(card) && card.answer({ decision: 'deny', reason: 'cancelled' }));
      const w = waiters.shift();
      pending.push(card);
      shown++;
      w?.(card);
      for (const c of counters.filter((x) => shown >= x.n)) {
        counters.splice(counters.indexOf(c), 1);
        c.done();
      }
    }),
  );
  // Whatever else the server asks (capability registration, configuration): an empty answer.
  connection.onRequest(() => null);
  connection.onNotification(() => undefined);
  connection.onError(() => undefined);
  connection.onClose(() => undefined);
  connection.listen();
  const init: GateInitOptions = {
    settings: { policy: { sensitivePaths: [], allowedPaths: [], workspaceFolders: folders, home: box.dir }, reviewDefault: 'deny' },
    runtimeDir: box.runtimeDir,
    auditDir,
  };
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: init });
  await connection.sendNotification('initialized', {});
  const status = await connection.sendRequest(GateStatusRequest);
  return {
    status,
    auditDir,
    child,
    pending,
    nextCard: () => new Promise((resolve) => (pending.length > 0 ? resolve(pending[0]!) : waiters.push(resolve))),
    cardsShown: (n) => new Promise<void>((done) => (shown >= n ? done() : counters.push({ n, done }))),
    async shutdown() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await exited;
      connection.dispose();
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      child.kill(signal);
      await exited;
      connection.dispose();
    },
  };
}
