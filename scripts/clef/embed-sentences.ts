/**
 * Embeds each tweet's sentences (see `tweetSentences`) into `.cache/clef/sentences.*`:
 * `npx tsx scripts/clef/embed-sentences.ts`. The first stage does this on demand; this script only
 * lets it run ahead in the background.
 */
import { cachedEmbeddings } from './cache';
import { loadClef } from './data';
import { cleanTweet, tweetSentences } from './preprocess';

const { train, dev } = loadClef();
const texts = [...new Set([...train, ...dev].flatMap((q) => tweetSentences(cleanTweet(q.text))))];
await cachedEmbeddings('sentences', texts, (s) => console.error(s));
