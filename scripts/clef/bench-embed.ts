/**
 * Warm speed of the sentence model in Node, single thread: `npx tsx scripts/clef/bench-embed.ts [--cpu]`.
 * Prints ms per sentence for batches of 1 and 32 over real claim texts.
 */
import { embedBackend, embedSentences } from '../../src/embed/index';
import { useNodeModel } from '../../src/embed/node';
import { loadClef } from './data';

const cpu = process.argv.includes('--cpu');
useNodeModel({ cpu });
const { claims } = loadClef();
const texts = claims.slice(0, 256).map((c) => c.vclaim);

let t = performance.now();
await embedSentences(texts.slice(0, 8));
console.log(`load + first batch: ${(performance.now() - t).toFixed(0)} ms on ${embedBackend()}`);
for (const batch of [1, 32]) {
  const sample = texts.slice(8, 8 + (batch === 1 ? 40 : 224));
  t = performance.now();
  await embedSentences(sample, { batchSize: batch });
  console.log(`batch ${batch}: ${((performance.now() - t) / sample.length).toFixed(1)} ms per sentence (${sample.length} sentences)`);
}
