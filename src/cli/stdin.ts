// Reads all of stdin with a size cap, so a hostile or runaway writer cannot exhaust memory.
export const MAX_STDIN_BYTES = 64 * 1024 * 1024;

export class StdinTooLarge extends Error {}

export async function readStdin(limit = MAX_STDIN_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new StdinTooLarge(`input is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
