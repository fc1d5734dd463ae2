#!/usr/bin/env node
/**
 * `npm run package`: store-ready zips of the current build.
 *
 *   artifacts/parallax-chrome-<version>.zip   (Chrome Web Store upload)
 *   artifacts/parallax-firefox-<version>.zip  (addons.mozilla.org upload)
 *
 * Both are made with `web-ext build`: it is already a dev dependency, zips the
 * directory with the manifest at the root and skips dotfiles, which is exactly
 * what both stores want. Run `npm run build` first (or pass --build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildAll } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webExt = path.join(root, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
const artifacts = path.join(root, 'artifacts');

if (process.argv.includes('--build') && buildAll(['chrome', 'firefox'], { quiet: true }) !== 0) process.exit(1);

mkdirSync(artifacts, { recursive: true });
let failed = false;
for (const target of ['chrome', 'firefox']) {
  const sourceDir = path.join(root, 'dist', target);
  const manifestPath = path.join(sourceDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    console.error(`package: ${path.relative(root, manifestPath)} is missing; run npm run build first`);
    failed = true;
    continue;
  }
  // The zip is named from the built manifest, so it always matches what is inside.
  const { version } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const filename = `parallax-${target}-${version}.zip`;
  const run = spawnSync(
    process.execPath,
    [webExt, 'build', '--source-dir', sourceDir, '--artifacts-dir', artifacts, '--filename', filename, '--overwrite-dest'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  );
  if (run.status !== 0) {
    process.stdout.write(run.stdout ?? '');
    console.error(`package ${target}: web-ext build failed`);
    failed = true;
    continue;
  }
  const out = path.join(artifacts, filename);
  console.log(`package ${target}: ${path.relative(root, out)} (${statSync(out).size} bytes)`);
}
process.exit(failed ? 1 : 0);
