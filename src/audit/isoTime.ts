// Date.prototype.toISOString loads ICU's time-zone data on first use (about 1 MB of the node binary resident for the
// rest of a long-lived gate's life); the UTC getters do not.

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The same text as `d.toISOString()`, and the same RangeError for an invalid date. */
export function isoTime(d: Date): string {
  const y = d.getUTCFullYear();
  // Outside 0000-9999 (and for an invalid date) the standard's expanded years and its error are the built-in's job.
  if (!(y >= 0 && y <= 9999)) return d.toISOString();
  return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}Z`;
}
