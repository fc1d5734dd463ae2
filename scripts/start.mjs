#!/usr/bin/env node
/**
 * `npm start`: from a fresh clone to Chromium showing Parallax on a demo
 * article, in one command.
 *
 *   1. `npm ci` when node_modules is missing
 *   2. build dist/chrome (and dist/firefox, so both are fresh)
 *   3. serve tests/fixtures/pages on 127.0.0.1 (random port)
 *   4. open /usr/bin/chromium with the extension loaded on the demo article
 *
 * `npm start -- --headless` is for machines without a display: it waits for
 * the highlights, writes artifacts/start.png and exits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const headless = process.argv.includes('--headless');
const screenshot = path.join(root, 'artifacts', 'start.png');

if (!existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.log('start: installing dependencies (npm ci)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

const { buildAll } = await import('./build.mjs');
if (buildAll(['chrome', 'firefox'], { quiet: true }) !== 0) process.exit(1);

// The server and browser helpers are the e2e suite's own (TypeScript), loaded through tsx.
const { tsImport } = await import('tsx/esm/api');
const here = pathToFileURL(path.join(root, 'scripts', 'start.mjs')).href;
const { startFixtureServer } = await tsImport('../tests/e2e/support/server.ts', here);
const { launchChromium } = await tsImport('../tests/e2e/support/chromium.ts', here);
const { readHighlights, highlightTexts } = await tsImport('../tests/e2e/support/probe.ts', here);
const { waitFor } = await tsImport('../tests/e2e/support/wait.ts', here);

const server = await startFixtureServer();
const demo = server.url('article-seed.html');
let browser;
try {
  browser = await launchChromium({ headless });
} catch (error) {
  await server.close();
  console.error(`start: could not open Chromium: ${error.message}`);
  if (!headless) console.error('start: no display? Run `npm start -- --headless` to get a screenshot instead.');
  process.exit(1);
}
const page = await browser.open(demo);
console.log(`start: Parallax ${browser.extensionOrigin} on ${demo}`);

if (headless) {
  let found = {};
  try {
    await waitFor(
      async () => {
        found = highlightTexts(await readHighlights(page));
        return Object.values(found).some((texts) => texts.length > 0);
      },
      { timeout: 20_000, what: 'Parallax highlights' },
    );
    // Claims arrive after the names (the background matches them): wait until nothing changes for 1 s.
    let last = '';
    let since = Date.now();
    await waitFor(
      async () => {
        found = highlightTexts(await readHighlights(page));
        const key = JSON.stringify(found);
        if (key !== last) [last, since] = [key, Date.now()];
        return Date.now() - since >= 1_000;
      },
      { timeout: 15_000, interval: 200, what: 'highlights to settle' },
    );
  } catch (error) {
    console.error(`start: ${error.message}`);
  }
  mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot(screenshot);
  for (const [name, texts] of Object.entries(found))
    console.log(
      `  ${name}: ${texts.length} (${[...new Set(texts)]
        .slice(0, 6)
        .map((t) => (t.length > 40 ? `${t.slice(0, 40)}...` : t))
        .join(', ')})`,
    );
  console.log(`start: wrote ${path.relative(root, screenshot)}`);
  await browser.close();
  await server.close();
  process.exit(Object.keys(found).length ? 0 : 1);
}

console.log('start: close the Chromium window (or press Ctrl+C) to stop.');
const stop = async () => {
  await browser.close().catch(() => undefined);
  await server.close();
  process.exit(0);
};
browser.context.on('close', stop);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
