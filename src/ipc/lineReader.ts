// Reads exactly one newline-terminated message from a stream, refusing anything over `limit` bytes.
import type { Readable } from 'node:stream';

export class MessageTooLarge extends Error {}
export class StreamEnded extends Error {}

export function readLine(stream: Readable, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (err: Error | undefined, line?: string) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onEnd);
      if (err) reject(err);
      else resolve(line ?? '');
    };
    const onData = (chunk: Buffer) => {
      const nl = chunk.indexOf(0x0a);
      const part = nl === -1 ? chunk : chunk.subarray(0, nl);
      size += part.length;
      if (size > limit) return finish(new MessageTooLarge(`message exceeds ${limit} bytes`));
      chunks.push(part);
      if (nl !== -1) finish(undefined, Buffer.concat(chunks).toString('utf8'));
    };
    const onEnd = () => finish(new StreamEnded('connection closed before a complete message'));
    const onError = (err: Error) => finish(err);
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('close', onEnd);
    stream.on('error', onError);
  });
}
