// Words handed on to the bash analyzer are single-quoted, so bash reads them exactly as PowerShell bound them.
/** POSIX single quotes. */
export function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
