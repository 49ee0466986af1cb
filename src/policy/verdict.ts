// Combines reasons into a verdict: the highest risk wins; duplicates go; "why it is safe" notes are kept only when
// nothing riskier was found; the riskiest reasons come first.
import { reason } from './reasons';
import { RISK_ORDER, type Action, type Reason, type Risk, type Verdict } from './types';

const MAX_REASONS = 40;

export function verdictOf(action: Action, reasons: Reason[]): Verdict {
  if (reasons.length === 1) return { risk: reasons[0]!.risk, reasons, action };
  const seen = new Set<string>();
  const unique = reasons.filter((r) => {
    const key = `${r.rule}|${r.span ? `${r.span.field}:${r.span.index ?? ''}:${r.span.start}:${r.span.end}` : r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let risk: Risk = 'safe';
  for (const r of unique) if (RISK_ORDER[r.risk] > RISK_ORDER[risk]) risk = r.risk;
  let kept = risk === 'safe' ? unique : unique.filter((r) => r.risk !== 'safe');
  if (kept.length === 0) kept = [reason('safe.command', 'Nothing in this action touches permissions or secrets.')];
  kept = kept.map((r, i) => ({ r, i })).sort((a, b) => RISK_ORDER[b.r.risk] - RISK_ORDER[a.r.risk] || a.i - b.i).map((x) => x.r);
  return { risk, reasons: kept.slice(0, MAX_REASONS), action };
}
