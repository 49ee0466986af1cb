// Makes characters that hide or reorder text visible as inert markers such as ⟦U+202E⟧: bidi controls (Trojan
// Source), zero-width and other invisible characters, tag characters (ASCII smuggling), ANSI escape sequences and
// other control characters. A reviewer must see exactly what an agent sent, not what it wants to look like.
// Pure: no DOM, so the extension and unit tests use it too.

export interface Marker {
  /** What the panel shows, e.g. ⟦U+202E⟧ or ⟦ESC[31m⟧. */
  marker: string;
  /** What the character is, for a tooltip and screen readers. */
  name: string;
}

export type Piece = string | Marker;

const NAMES: Record<number, string> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'BACKSPACE', 0x0b: 'VERTICAL TAB', 0x0c: 'FORM FEED', 0x0d: 'CARRIAGE RETURN', 0x1b: 'ESCAPE', 0x7f: 'DELETE',
  0xad: 'SOFT HYPHEN', 0x061c: 'ARABIC LETTER MARK', 0x115f: 'HANGUL CHOSEONG FILLER', 0x1160: 'HANGUL JUNGSEONG FILLER', 0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR', 0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER', 0x2061: 'FUNCTION APPLICATION', 0x2062: 'INVISIBLE TIMES', 0x2063: 'INVISIBLE SEPARATOR', 0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE', 0xffa0: 'HALFWIDTH HANGUL FILLER',
};

// ANSI: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), C1 CSI, and two-character escapes. Then single characters:
// C0 controls except tab and newline (a carriage return only when not part of CRLF), DEL, C1 controls, the
// invisible and bidi characters above, tag characters and supplementary variation selectors (both can smuggle text).
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is this module's whole job
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]|\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0]|\udb40[\udc00-\udc7f]|\udb40[\udd00-\uddef]/g;
const HIDDEN_TEST = new RegExp(HIDDEN.source);

function codePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function nameOf(cp: number): string {
  if (NAMES[cp]) return NAMES[cp];
  if (cp >= 0xe0000 && cp <= 0xe007f) return cp >= 0xe0020 && cp <= 0xe007e ? `TAG ${String.fromCharCode(cp - 0xe0000)}` : 'TAG CHARACTER';
  if (cp >= 0xe0100 && cp <= 0xe01ef) return `VARIATION SELECTOR-${cp - 0xe0100 + 17}`;
  if (cp < 0x20) return `CONTROL ${codePoint(cp)}`;
  if (cp >= 0x80 && cp <= 0x9f) return `C1 CONTROL ${codePoint(cp)}`;
  return codePoint(cp);
}

/** Spells out an escape sequence: ESC and BEL by name, anything else hidden inside it by code point. */
function spellSequence(seq: string): string {
  let out = '';
  for (const ch of seq) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x1b) out += 'ESC';
    else if (cp === 0x07) out += 'BEL';
    else if (cp === 0x9b) out += 'CSI';
    else if (HIDDEN_TEST.test(ch)) out += codePoint(cp);
    else out += ch;
  }
  return out;
}

function markerFor(match: string): Marker {
  if (match.length > 1 && (match.startsWith('\x1b') || match.startsWith('\x9b'))) {
    return { marker: `⟦${spellSequence(match)}⟧`, name: 'ANSI escape sequence' };
  }
  const cp = match.codePointAt(0) ?? 0;
  return { marker: `⟦${codePoint(cp)}⟧`, name: nameOf(cp) };
}

/** True when `text` holds anything `reveal` would mark (fast path for the common case). */
export function hasHidden(text: string): boolean {
  return HIDDEN_TEST.test(text);
}

/** Splits `text` into plain strings and markers; joining marker texts and strings gives what the panel shows. */
export function reveal(text: string): Piece[] {
  if (!hasHidden(text)) return text === '' ? [] : [text];
  const out: Piece[] = [];
  let at = 0;
  for (const m of text.matchAll(HIDDEN)) {
    const i = m.index;
    if (i > at) out.push(text.slice(at, i));
    out.push(markerFor(m[0]));
    at = i + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** The same, flattened into one string (for attributes, titles, notifications). */
export function revealText(text: string): string {
  if (!hasHidden(text)) return text;
  return reveal(text)
    .map((p) => (typeof p === 'string' ? p : p.marker))
    .join('');
}
