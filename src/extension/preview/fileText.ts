// Reads a file's current text for a preview: regular files only (never a FIFO or device that would block), capped
// in size, binary files refused. Read-only: previews never write anything.
import { readFile, stat } from 'node:fs/promises';

export const MAX_PREVIEW_BYTES = 4 * 1024 * 1024;

export type FileText = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'unreadable'; why: string };

export async function readFileText(path: string, maxBytes = MAX_PREVIEW_BYTES): Promise<FileText> {
  try {
    const st = await stat(path);
    if (!st.isFile()) return { kind: 'unreadable', why: `${path} is not a regular file` };
    if (st.size > maxBytes) return { kind: 'unreadable', why: `${path} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    const buf = await readFile(path);
    if (buf.subarray(0, 8000).includes(0)) return { kind: 'unreadable', why: `${path} is a binary file` };
    return { kind: 'text', text: buf.toString('utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unreadable', why: `${path} cannot be read (${code ?? (err as Error).message})` };
  }
}
