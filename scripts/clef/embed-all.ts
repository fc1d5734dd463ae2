/**
 * Embeds every CLEF claim (vclaim and title) and every tweet into `.cache/clef/`:
 * `npx tsx scripts/clef/embed-all.ts`. Run once (several minutes on 2 cores); later runs read the cache.
 */
import { cachedEmbeddings } from './cache';
import { loadClef } from './data';
import { cleanTweet } from './preprocess';

const { claims, train, dev } = loadClef();
const log = (s: string) => console.error(s);
const t0 = performance.now();
await cachedEmbeddings(
  'vclaim',
  claims.map((c) => c.vclaim),
  log,
);
await cachedEmbeddings(
  'title',
  claims.map((c) => c.title),
  log,
);
await cachedEmbeddings(
  'tweets',
  [...train, ...dev].map((q) => cleanTweet(q.text)),
  log,
);
console.error(`all embeddings ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
