// `countersign evaluate`: classify a payload offline and print {"risk","reasons","action"}. Never contacts the gate.
import { parseArgs } from 'node:util';
import { createPolicy, isAgentName } from '../policy';
import { readStdin } from './stdin';
import { policyConfigFromEnv } from './policyConfigFromEnv';

export async function runEvaluate(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { agent: { type: 'string' }, jsonl: { type: 'boolean' } } });
  if (values.agent !== undefined && !isAgentName(values.agent)) {
    process.stderr.write(`countersign evaluate: unknown agent '${values.agent}'\n`);
    return 1;
  }
  let text: string;
  try {
    text = await readStdin();
  } catch (err) {
    process.stderr.write(`countersign evaluate: cannot read stdin: ${(err as Error).message}\n`);
    return 1;
  }
  const policy = await createPolicy(policyConfigFromEnv());
  const lines = values.jsonl ? text.split('\n').filter((l) => l.trim() !== '') : [text];
  for (const line of lines) {
    let out: unknown;
    try {
      out = policy.evaluate(JSON.parse(line), values.agent);
    } catch (err) {
      out = { error: (err as Error).message };
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  }
  return 0;
}
