// Commands whose output comes from the network: piping or substituting it into a shell runs remote code.
import type { SyntaxNode } from './syntax';

export const FETCHERS = new Set(['curl', 'wget', 'fetch', 'http', 'https', 'xh', 'aria2c', 'lwp-request', 'GET', 'invoke-webrequest', 'iwr', 'irm', 'invoke-restmethod', 'nc', 'ncat', 'netcat', 'socat', 'ftp', 'tftp', 'scp', 'gsutil', 'aws']);

/** Whether any command inside a syntax subtree (a `$(…)`) starts with a network fetcher. */
export function fetchesRemote(source: string, n: SyntaxNode): boolean {
  const stack = [n];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.type === 'command_name') {
      const name = source.slice(x.start, x.end).replace(/^.*\//, '').replace(/['"\\]/g, '');
      if (FETCHERS.has(name) || FETCHERS.has(name.toLowerCase())) return true;
    }
    stack.push(...x.children);
  }
  return false;
}
