// Linters and formatters by what they do to files: they read the files and folders they are given and, in their
// fix or format mode, rewrite those same files in place. So their operands are checked as reads (check mode) or as
// writes (fix mode): a secret, guard or system path, or one outside the workspace, is flagged as any other read or
// write of it would be. Like the local development tools in packages.ts (ruff, black, eslint, prettier …), they
// load their configuration and plugins from the project; nothing else about them needs a click.
//
// Why a list: whether a program only reads and rewrites the files it is handed cannot be told from its name or
// arguments, so each entry is a tool whose documented behaviour is exactly that, with the words that select its
// modes. A subcommand not listed for a tool (sqlfluff's unknown ones) keeps the unknown-command review.
import { checkPathWord } from '../pathArgs';
import type { Invocation } from '../types';
import type { Word } from '../words';
import type { ShellAnalyzer } from '../analyzer';
import type { HandlerTable } from './handler';

interface LinterSpec {
  /** Subcommands that only read (undefined: the tool has no subcommands). */
  read?: RegExp;
  /** Subcommands that rewrite their operands in place. */
  write?: RegExp;
  /** Flags that switch a tool without subcommands to rewriting in place. */
  writeFlags?: RegExp;
  /** Options that take a value (so the value is not read as a file to lint). */
  values: RegExp;
}

const LINTERS: Record<string, LinterSpec> = {
  // SQL linter/formatter: `lint`, `parse`, `render` print; `fix`, `format` rewrite the files named.
  sqlfluff: { read: /^(?:lint|parse|render|rules|dialects|version|help)$/, write: /^(?:fix|format)$/, values: /^(?:--dialect|--templater|--rules|--exclude-rules|--config|--format|-f|--processes|-p|--encoding|--write-output|--logger|--annotation-level|--nofail|--ignore|--bench|--stdin-filename|--persist-timing|--warn-unused-ignores|--extension|--library-path)$/ },
  // Python formatters: rewrite in place only with -i/--in-place (pyupgrade, autoflake with -i as well).
  yapf: { writeFlags: /^(?:-i|--in-place)$/, values: /^(?:--style|-l|--lines|-e|--exclude|-p|--parallel)$/ },
  autopep8: { writeFlags: /^(?:-i|--in-place)$/, values: /^(?:--select|--ignore|--max-line-length|--global-config|--aggressive|-j|--jobs|--exclude|--line-range|--range|--indent-size)$/ },
  autoflake: { writeFlags: /^(?:-i|--in-place)$/, values: /^(?:--imports|--exclude|--config)$/ },
  docformatter: { writeFlags: /^(?:-i|--in-place)$/, values: /^(?:--config|--wrap-summaries|--wrap-descriptions|--range|--docstring-length|--exclude)$/ },
  // Checkers that only report.
  pydocstyle: { values: /^(?:--convention|--select|--ignore|--add-select|--add-ignore|--config|--match|--match-dir)$/ },
  pycodestyle: { values: /^(?:--select|--ignore|--max-line-length|--max-doc-length|--exclude|--filename|--config|--format)$/ },
  pyflakes: { values: /^$/ },
  pylama: { values: /^(?:--linters|-l|--ignore|-i|--select|-s|--options|-o|--format|-f|--skip|--max-line-length)$/ },
  vulture: { values: /^(?:--exclude|--ignore-names|--ignore-decorators|--min-confidence|--make-whitelist)$/ },
};

/** The words after the subcommand that name files, and the option values to leave alone. */
function operands(inv: Invocation, from: number, values: RegExp): { files: Word[]; understood: Word[] } {
  const files: Word[] = [];
  const understood: Word[] = [];
  for (let i = from; i < inv.args.length; i++) {
    const w = inv.args[i]!;
    const v = w.value ?? '';
    if (v.startsWith('-') && v !== '-') {
      // `--dialect ansi`: the value is a name, not a file (a `--config FILE` value is swept like any word).
      if (values.test(v) && !/config|path|output|filename/.test(v) && inv.args[i + 1]) understood.push(inv.args[++i]!);
      else if (values.test(v)) i++;
      continue;
    }
    files.push(w);
  }
  return { files, understood };
}

function linter(spec: LinterSpec) {
  return (inv: Invocation, a: ShellAnalyzer): void => {
    let from = 0;
    let write = false;
    if (spec.read || spec.write) {
      const sub = inv.args.findIndex((w) => !(w.value ?? '').startsWith('-'));
      const name = sub >= 0 ? inv.args[sub]!.value : undefined;
      if (name === undefined) {
        if (sub >= 0 || !inv.args.every((w) => /^(?:--version|--help|-h)$/.test(w.value ?? ''))) a.hitOn('exec.unknown-command', `Runs \`${inv.name}\` in a way Countersign does not know.`, inv);
        return;
      }
      if (spec.write?.test(name)) write = true;
      else if (!spec.read?.test(name)) {
        a.hitOn('exec.unknown-command', `Runs ${inv.name} ${name}, which Countersign does not know.`, inv, inv.args[sub]);
        return;
      }
      a.understand(inv, inv.args[sub]);
      from = sub + 1;
    } else write = inv.args.some((w) => spec.writeFlags?.test(w.value ?? '') === true);
    const { files, understood } = operands(inv, from, spec.values);
    a.understand(inv, ...understood);
    // `-` reads stdin (and prints the result); anything else is a file or folder read, or rewritten in place.
    for (const w of files) if (w.value !== '-') checkPathWord(a, inv, w, write ? 'write' : 'read');
  };
}

export const LINTER_COMMANDS: HandlerTable = Object.fromEntries(Object.entries(LINTERS).map(([name, spec]) => [name, linter(spec)]));
