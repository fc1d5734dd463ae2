/**
 * Prints CLEF-2020 Task 2 MAP@5 (train, where choices were made; dev, reported) for each method:
 * `npx tsx scripts/clef/eval.ts [--int8] [--cache]`.
 */
import { runClefEval } from './run';

const t0 = performance.now();
// --cache reuses the first stage saved by an earlier run (.cache/clef/stage-*.json).
const rows = await runClefEval({
  int8: process.argv.includes('--int8'),
  cache: process.argv.includes('--cache'),
  log: (s) => console.error(s),
});
const w = Math.max(...rows.map((r) => r.method.length));
console.log(`${'method'.padEnd(w)}  train MAP@5  dev MAP@5  notes`);
for (const r of rows)
  console.log(`${r.method.padEnd(w)}  ${r.train.toFixed(3).padStart(11)}  ${r.dev.toFixed(3).padStart(9)}  ${r.note ?? ''}`);
console.error(`(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
