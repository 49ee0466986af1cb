// Review panel script. Receives the queue from the extension, renders it, and reports button clicks.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { FromWebview, ToWebview } from '../protocol/webviewMessages';
import type { ReviewItem } from '../protocol/gateLsp';
import { h, icon } from './dom';
import { renderCard, waited } from './card';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
let clockSkew = 0; // extension time minus webview time

function renderEmpty(): HTMLElement {
  return h(
    'section',
    { class: 'empty' },
    icon('shield'),
    h('h2', {}, 'No agent actions are waiting'),
    h('p', {}, 'When a connected agent wants to run a command or change a file that needs your decision, it appears here.'),
  );
}

function render(pending: ReviewItem[], now: number): void {
  const list = pending.length === 0 ? renderEmpty() : h('section', { class: 'queue', 'aria-label': `${pending.length} pending` }, ...pending.map((p) => renderCard(p, now)));
  const head = h('header', { class: 'panel-head' }, h('h1', {}, 'Pending'), h('span', { class: 'count', 'aria-live': 'polite' }, String(pending.length)));
  app.replaceChildren(head, list);
}

app.addEventListener('click', (e) => {
  const button = (e.target as HTMLElement).closest<HTMLElement>('[data-decision]');
  const card = button?.closest<HTMLElement>('[data-id]');
  if (!button || !card || button.hasAttribute('disabled')) return;
  const decision = button.dataset.decision === 'allow' ? 'allow' : 'deny';
  for (const b of card.querySelectorAll('[data-decision]')) b.setAttribute('disabled', '');
  vscode.postMessage({ type: 'decide', id: card.dataset.id ?? '', decision });
});

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'state':
      clockSkew = msg.now - Date.now();
      render(msg.pending, msg.now);
      return;
    case 'agents':
      return; // the Agents section arrives with the panel work
  }
});

// Keep "time waiting" current without asking the extension for anything.
setInterval(() => {
  for (const age of document.querySelectorAll<HTMLElement>('.age[data-received]')) {
    const last = age.lastChild;
    if (last) last.textContent = waited(Date.now() + clockSkew - Number(age.dataset.received));
  }
}, 1000);

vscode.postMessage({ type: 'ready' });
