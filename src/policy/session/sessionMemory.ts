// What each agent session has written, created and deleted, so a later action is judged in context: a script the
// session wrote and now runs is judged by its text; a scratch file it created and now deletes loses nothing.
// In memory only, bounded (sessions, files per session, text per session; least recently used goes first), and a
// session that has been quiet for a while is dropped. The clock comes from the caller: the memory itself reads none.
//
// What is recorded is what the agent *proposed*; whether it landed is for the disk to say. Callers read the disk
// first and fall back to the memory only for a file that is not there (a replay, a write not yet made).

/** One file as this session left it. `text` is undefined when the session changed it in a way nobody could see. */
export interface SessionFile {
  text: string | undefined;
  /** The session created it (it did not exist before the session's first write). */
  created: boolean;
  deleted: boolean;
  /** Before the session's first change the file equalled what git has (so its uncommitted changes are the session's). */
  cleanBefore?: boolean;
}

/** What one evaluation may ask about its own session. */
export interface SessionView {
  file(absPath: string): SessionFile | undefined;
  /** Every file the session wrote or created and has not deleted, most recent last. */
  files(): [string, SessionFile][];
}

/** One change an action proposes, as the engine records it. */
export type SessionChange =
  | { op: 'write'; path: string; text: string | undefined; existedBefore: boolean; cleanBefore?: boolean }
  | { op: 'delete'; path: string };

export const SESSION_LIMITS = {
  sessions: 64,
  filesPerSession: 512,
  /** Characters of file text kept per session (older files lose their text first, not their other facts). */
  textPerSession: 4 * 1024 * 1024,
  /** Largest single file text kept. */
  textPerFile: 256 * 1024,
  /** A session quiet this long is forgotten. */
  idleMillis: 2 * 60 * 60 * 1000,
} as const;

interface Session {
  files: Map<string, SessionFile>;
  textChars: number;
  lastUsed: number;
}

/** The view of a session with no memory: every action is judged alone. */
export const EMPTY_SESSION: SessionView = { file: () => undefined, files: () => [] };

export class SessionMemory {
  private readonly sessions = new Map<string, Session>();

  /** The view one evaluation gets; no id (or no memory) means a session of one action. */
  view(agent: string, sessionId: string | undefined, now: number): SessionView {
    if (!sessionId) return EMPTY_SESSION;
    this.expire(now);
    const s = this.sessions.get(key(agent, sessionId));
    if (!s) return EMPTY_SESSION;
    return {
      file: (p) => s.files.get(p),
      files: () => [...s.files].filter(([, f]) => !f.deleted),
    };
  }

  record(agent: string, sessionId: string | undefined, changes: readonly SessionChange[], now: number): void {
    if (!sessionId || changes.length === 0) return;
    const s = this.session(key(agent, sessionId), now);
    for (const c of changes) {
      const old = s.files.get(c.path);
      if (old?.text !== undefined) s.textChars -= old.text.length;
      s.files.delete(c.path); // re-inserted below: the map's order is least recently changed first
      if (c.op === 'delete') {
        s.files.set(c.path, { text: undefined, created: old?.created ?? false, deleted: true, cleanBefore: old?.cleanBefore ?? false });
        continue;
      }
      const text = c.text !== undefined && c.text.length <= SESSION_LIMITS.textPerFile ? c.text : undefined;
      const created = old ? old.created || old.deleted : !c.existedBefore;
      const cleanBefore = old ? (old.cleanBefore ?? false) : (c.cleanBefore ?? false);
      s.files.set(c.path, { text, created, deleted: false, cleanBefore });
      if (text !== undefined) s.textChars += text.length;
    }
    this.trim(s);
  }

  private session(k: string, now: number): Session {
    this.expire(now);
    let s = this.sessions.get(k);
    if (s) this.sessions.delete(k);
    s ??= { files: new Map(), textChars: 0, lastUsed: now };
    s.lastUsed = now;
    this.sessions.set(k, s); // most recently used last
    while (this.sessions.size > SESSION_LIMITS.sessions) this.sessions.delete(this.sessions.keys().next().value!);
    return s;
  }

  private expire(now: number): void {
    for (const [k, s] of this.sessions) if (now - s.lastUsed > SESSION_LIMITS.idleMillis) this.sessions.delete(k);
  }

  private trim(s: Session): void {
    while (s.files.size > SESSION_LIMITS.filesPerSession) s.files.delete(s.files.keys().next().value!);
    for (const [, f] of s.files) {
      if (s.textChars <= SESSION_LIMITS.textPerSession) break;
      if (f.text === undefined) continue;
      s.textChars -= f.text.length;
      f.text = undefined;
    }
  }
}

function key(agent: string, sessionId: string): string {
  return `${agent}\u0000${sessionId}`;
}
