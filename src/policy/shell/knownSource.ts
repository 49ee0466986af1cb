// Source files run by interpreters and launchers the analyzer has no language rules for (`java Main.java`,
// `lua x.lua`, `Rscript r.R`, `julia x.jl`, `swift x.swift`, `kotlinc -script x.kts` …): when this session wrote the
// file, or it is on disk, its text is still read for what can be seen in any language (commands it starts, secret
// files it names, paths joined from the home directory). The run stays a review: this only adds findings.
import type { ShellAnalyzer } from './analyzer';
import { judgeScriptFile } from './sessionCode';
import type { Invocation } from './types';

const SOURCE = /\.(java|kts?|swift|lua|r|jl|groovy|gvy|scala|sc|cs|csx|fsx|exs?|tcl|clj|cljs|rkt|scm|lisp|erl|dart|nim|zig|cr|v|hs)$/i;

export function judgeKnownSource(a: ShellAnalyzer, inv: Invocation): void {
  for (const w of inv.args) {
    const v = w.value ?? '';
    if (v.startsWith('-') || !SOURCE.test(v)) continue;
    judgeScriptFile(a, inv, w, 'other');
    return;
  }
}
