// Every verdict on the held-out corpus (bench/corpus) in all seven agent formats, hashed: `node scripts/bench.mjs
// verdicts` prints one sha256 to compare before and after a change that must not change any decision (memory,
// speed, bundling); --dump prints each verdict as a JSON line instead. Verdicts are deterministic (no wall clock in
// policy), so the hash is too.
import { createHash } from 'node:crypto';
import { createPolicy } from '../src/policy';
import { CORPUS } from './corpus';
import { AGENTS, payloadFor } from './corpus/formats';
import { JUDGE_CONFIG, withIds } from './corpus/judge';

async function main(): Promise<void> {
  const dump = process.argv.includes('--dump');
  const policy = await createPolicy(JUDGE_CONFIG);
  const hash = createHash('sha256');
  let n = 0;
  for (const { id, case: c } of withIds(CORPUS)) {
    for (const agent of AGENTS) {
      const line = `${id} ${agent} ${JSON.stringify(policy.evaluate(payloadFor(c, agent), agent))}`;
      hash.update(line + '\n');
      n++;
      if (dump) console.log(line);
    }
  }
  if (!dump) console.log(`VERDICTS ${n} sha256 ${hash.digest('hex')}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
