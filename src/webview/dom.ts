// Tiny DOM builder. Agent strings only ever become Text nodes: never innerHTML, never attributes that execute.
// Every string also passes through `reveal`, so bidi controls, zero-width characters, ANSI escapes and other
// control characters show as inert markers (⟦U+202E⟧) wherever text appears, in content and in attributes.
import { reveal, revealText } from './visible';

export type Child = Node | string | null | undefined | false;

/** Text with hidden characters made visible: a Text node, or a fragment with marker spans. */
export function text(s: string): Node {
  const pieces = reveal(s);
  if (pieces.length === 1 && typeof pieces[0] === 'string') return document.createTextNode(pieces[0]);
  const frag = document.createDocumentFragment();
  for (const p of pieces) {
    if (typeof p === 'string') frag.append(document.createTextNode(p));
    else {
      const mark = document.createElement('span');
      mark.className = 'hidden-char';
      mark.title = p.name;
      mark.append(document.createTextNode(p.marker));
      frag.append(mark);
    }
  }
  return frag;
}

function build<E extends Element>(e: E, attrs: Record<string, string | undefined>, children: Child[]): E {
  for (const [k, v] of Object.entries(attrs)) {
    // Event-handler attributes are never set from here: handlers are attached in code (CSP forbids inline ones anyway).
    if (v === undefined || /^on/i.test(k)) continue;
    e.setAttribute(k, revealText(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(typeof c === 'string' ? text(c) : c);
  return e;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  return build(document.createElement(tag), attrs, children);
}

/** A custom element (vscode-elements) with attributes; same text-only rule for children. */
export function el(tag: string, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  return build(document.createElement(tag), attrs, children);
}

export function icon(name: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}
