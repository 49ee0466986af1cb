// Combines reasons into a verdict: the highest risk wins; duplicates go; "why it is safe" notes are kept only when
// nothing riskier was found; the riskiest reasons come first.
import { effectsOf, riskOfEffects, type ProgramRun } from './effects';
import { reason } from './reasons';
import { RISK_ORDER, type Action, type Reason, type Verdict } from './types';

const MAX_REASONS = 40;

/** The risk is derived from the effects (every reason is one), so the two can never disagree. */
export function verdictOf(action: Action, reasons: Reason[], runs: readonly ProgramRun[] = []): Verdict {
  if (reasons.length === 1) {
    const effects = effectsOf(action, reasons, runs);
    return { risk: riskOfEffects(effects), reasons, effects, action };
  }
  const seen = new Set<string>();
  const unique = reasons.filter((r) => {
    // Same rule, same place, same words: one reason (findings in two files a run loads share a place, not words).
    const key = `${r.rule}|${r.span ? `${r.span.field}:${r.span.index ?? ''}:${r.span.start}:${r.span.end}` : ''}|${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const effects = effectsOf(action, unique, runs);
  const risk = riskOfEffects(effects);
  let kept = risk === 'safe' ? unique : unique.filter((r) => r.risk !== 'safe');
  if (kept.length === 0) kept = [reason('safe.command', 'Nothing in this action touches permissions or secrets.')];
  kept = kept.map((r, i) => ({ r, i })).sort((a, b) => RISK_ORDER[b.r.risk] - RISK_ORDER[a.r.risk] || a.i - b.i).map((x) => x.r);
  return { risk, reasons: kept.slice(0, MAX_REASONS), effects, action };
}
