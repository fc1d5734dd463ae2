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
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/** Builds one target; returns the exit code of Vite. */
export function buildTarget(target, { quiet = false } = {}) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', quiet ? 'warn' : 'info'], {
    cwd: root,
    env: { ...process.env, PARALLAX_TARGET: target },
    stdio: 'inherit',
  });
  const code = run.status ?? 1;
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
