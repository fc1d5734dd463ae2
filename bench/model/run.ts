/**
 * `npm run bench -- --model`: the sentence model's budgets, measured where it runs.
 *
 *   package   bytes each built package gains from the model and its runtime (models/, wasm/, the
 *             worker and offscreen chunks), against the 35 MB budget
 *   browser   ms per new page sentence, warm, in the extension's own worker (Chromium: the
 *             offscreen document's worker, reached from the service worker as the background does),
 *             batches of 16 real sentences from the saved test pages; the baseline in the same run
 *             is the lexical lookup of the same sentences (the background's matchSentences without
 *             the model), so the ratio says what the model adds
 *   node      the same sentences embedded in Node (the CLI's runtime), for comparison
 *   lookup    ClaimVectors.nearest per sentence at 10,000 and 100,000 articles' worth of claims
 *             (about 10.7 claims an article, as in the 10,000-article bench library)
 *
 * Prints a table and returns the numbers for bench/results.json.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, readabilityPagesDir } from '../../tests/e2e/support/server';
import { launchChromium } from '../../tests/e2e/support/chromium';
import { splitSentences } from '../../src/core/text';
import { ClaimVectors } from '../../src/core/matching';
import { quantise } from '../../src/core/ranking';
import { embedSentences } from '../../src/embed';
import { useNodeModel } from '../../src/embed/node';

/** Bytes under a directory. */
function bytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? bytes(full) : statSync(full).size;
  }
  return total;
}

/** What the model adds to one built package: its files, and the worker and offscreen chunks. */
function modelBytes(target: string): { total: number; model: number } {
  const dir = path.join(repoRoot, 'dist', target);
  const assets = readdirSync(path.join(dir, 'assets')).filter((f) => /^(worker|offscreen)-/.test(f));
  const model =
    bytes(path.join(dir, 'models')) +
    bytes(path.join(dir, 'wasm')) +
    assets.reduce((n, f) => n + statSync(path.join(dir, 'assets', f)).size, 0);
  return { total: bytes(dir), model };
}

/** Real prose sentences from the saved pages (tags stripped), the first `n` of 40 characters or more. */
function pageSentences(n: number): string[] {
  const out: string[] = [];
  for (const file of readdirSync(readabilityPagesDir)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    const text = readFileSync(path.join(readabilityPagesDir, file), 'utf8')
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    for (const s of splitSentences(text)) if (s.text.length >= 40 && s.text.length <= 300) out.push(s.text);
    if (out.length >= n) break;
  }
  return out.slice(0, n);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs every part; prints the table. */
export async function runModelBench(): Promise<Record<string, unknown>> {
  const sentences = pageSentences(96);
  const chrome = modelBytes('chrome');
  const firefox = modelBytes('firefox');

  // Browser: the background's own path to the model, timed from the service worker.
  const browser = await launchChromium();
  const browserMs: number[] = [];
  try {
    await browser.worker.evaluate(async () => {
      const chrome = (
        globalThis as unknown as { chrome: { offscreen: { createDocument(o: object): Promise<void>; hasDocument(): Promise<boolean> } } }
      ).chrome;
      if (!(await chrome.offscreen.hasDocument()))
        await chrome.offscreen.createDocument({ url: 'src/offscreen/index.html', reasons: ['WORKERS'], justification: 'bench' });
    }, null);
    const embed = (texts: string[]) =>
      browser.worker.evaluate(async (t: string[]) => {
        const send = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ backend?: string; error?: string }> } } }
        ).chrome.runtime.sendMessage;
        for (let tries = 0; ; tries++) {
          try {
            const start = performance.now();
            const reply = await send({ type: 'parallax-embed', texts: t });
            if (reply?.error) throw new Error(reply.error);
            return { ms: performance.now() - start, backend: reply?.backend ?? '' };
          } catch (error) {
            if (tries > 50) throw error;
            await new Promise((r) => setTimeout(r, 200)); // the offscreen document is still starting
          }
        }
      }, texts);
    const warm = await embed(sentences.slice(0, 16)); // loads the model
    if (!warm.backend.startsWith('wasm')) throw new Error(`model backend in the browser: ${warm.backend}`);
    for (let i = 16; i < sentences.length; i += 16) browserMs.push((await embed(sentences.slice(i, i + 16))).ms / 16);
  } finally {
    await browser.close();
  }

  // Node: the CLI's runtime, same sentences, same batches.
  useNodeModel();
  await embedSentences(sentences.slice(0, 16));
  const nodeMs: number[] = [];
  for (let i = 16; i < sentences.length; i += 16) {
    const start = performance.now();
    await embedSentences(sentences.slice(i, i + 16), { batchSize: 16 });
    nodeMs.push((performance.now() - start) / 16);
  }

  // Lookup: real sentence vectors as queries, a library of perturbed copies at each size.
  const vectors = await embedSentences(sentences);
  const lookup: Record<string, number> = {};
  for (const articles of [10_000, 100_000]) {
    const claims = Math.round(articles * 10.7);
    const store = new ClaimVectors();
    for (let i = 0; i < claims; i++) {
      const base = vectors[i % vectors.length]!;
      store.add('c' + i, 'a' + Math.floor(i / 10.7), quantise(base.map((x, j) => x + 0.05 * Math.sin(i * 7.3 + j))));
    }
    const times: number[] = [];
    for (const q of vectors.slice(0, 32)) {
      const start = performance.now();
      store.nearest(q, 8, 0.75);
      times.push(performance.now() - start);
    }
    lookup[`${articles}`] = median(times);
  }

  const mb = (n: number) => (n / 1024 / 1024).toFixed(1) + ' MB';
  console.log('\nsentence model (npm run bench -- --model)');
  console.log(
    `package, model and runtime: Chrome ${mb(chrome.model)} of ${mb(chrome.total)}; Firefox ${mb(firefox.model)} of ${mb(firefox.total)} (budget 35 MB each)`,
  );
  console.log(
    `per new page sentence, warm, batches of 16: extension worker (Chromium) median ${median(browserMs).toFixed(1)} ms; Node ${median(nodeMs).toFixed(1)} ms (budget 50 ms)`,
  );
  console.log(
    `model lookup per sentence (ClaimVectors.nearest): 10,000 articles ${lookup['10000']!.toFixed(1)} ms; 100,000 articles ${lookup['100000']!.toFixed(1)} ms`,
  );
  return {
    packageBytes: { chrome, firefox },
    browserMsPerSentence: median(browserMs),
    nodeMsPerSentence: median(nodeMs),
    lookupMs: lookup,
  };
}
