#!/usr/bin/env node
/**
 * `npm test`: every check, in the order a reviewer would want them.
 *
 *   1. typecheck   tsc --noEmit, and src/core alone without DOM or Node types (tsconfig.core.json)
 *   2. lint        eslint (layers, promises) and prettier --check
 *   3. unit        vitest run                       (tests/unit)
 *   4. build       scripts/build.mjs                (dist/chrome, dist/firefox)
 *   5. lint        web-ext lint on dist/firefox     (0 errors required)
 *   6. e2e         vitest run --config vitest.e2e.config.ts (real Chromium and Firefox ESR)
 *
 * Every step runs even after an earlier one failed (e2e needs a build, so it
 * is the one exception), so one run shows every problem. The last line is
 * `N passed, N failed`: tests counted from vitest's JSON reports, plus one
 * failure for each failed non-test step, so the line agrees with the exit code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildAll } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, '.cache', 'test-reports');
const bin = {
  tsc: path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
  eslint: path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
  prettier: path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
  vitest: path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
  webExt: path.join(root, 'node_modules', 'web-ext', 'bin', 'web-ext.js'),
};

/** Runs a node script with inherited output; returns its exit code. */
function node(args, options = {}) {
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', ...options });
  return run.status ?? 1;
}

/** Counts from a vitest JSON report, or null when the report is missing (vitest crashed). */
function readCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Runs one vitest suite with the default reporter on screen and a JSON report on disk. */
function vitest(name, extraArgs) {
  const out = path.join(reports, `${name}.json`);
  rmSync(out, { force: true });
  const code = node([bin.vitest, 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  return { code, counts: readCounts(out) };
}

/** web-ext lint on the Firefox build; prints the findings, fails on any error. */
function lintFirefox() {
  const run = spawnSync(
    process.execPath,
    [bin.webExt, 'lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-config-discovery'],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    process.stdout.write(run.stdout ?? '');
    console.error('web-ext lint: unreadable output');
    return 1;
  }
  for (const kind of ['errors', 'warnings']) {
    for (const item of report[kind] ?? []) console.log(`  ${kind.slice(0, -1)}: ${item.code} ${item.file ?? ''} ${item.message}`);
  }
  console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
  return report.summary.errors === 0 ? 0 : 1;
}

const steps = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
function step(name, fn) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = fn();
  const { code, counts } = typeof result === 'number' ? { code: result, counts: undefined } : result;
  if (counts) for (const key of Object.keys(totals)) totals[key] += counts[key];
  // A failing exit without a failed test (crash, no report, typecheck) still counts once.
  const failedWithoutTests = code !== 0 && !(counts && counts.failed > 0);
  if (failedWithoutTests) totals.failed += 1;
  steps.push({ name, ok: code === 0, ms: Date.now() - started, counts });
  return code === 0;
}

mkdirSync(reports, { recursive: true });
const started = Date.now();
step('typecheck', () => node([bin.tsc, '--noEmit', '-p', 'tsconfig.json']));
step('typecheck src/core without DOM or Node', () => node([bin.tsc, '--noEmit', '-p', 'tsconfig.core.json']));
step('eslint', () => node([bin.eslint, '.']));
step('prettier --check', () => node([bin.prettier, '--check', '--log-level', 'warn', '.']));
step('unit tests', () => vitest('unit', ['--passWithNoTests']));
const built = step('build', () => buildAll(['chrome', 'firefox'], { quiet: true }));
step('web-ext lint (dist/firefox)', () => (built ? lintFirefox() : 1));
step('e2e tests (Chromium, Firefox ESR)', () => (built ? vitest('e2e', ['--config', 'vitest.e2e.config.ts']) : 1));

console.log('\n=== summary ===');
for (const s of steps) {
  const counts = s.counts
    ? ` (${s.counts.passed} passed, ${s.counts.failed} failed${s.counts.skipped ? `, ${s.counts.skipped} skipped` : ''})`
    : '';
  console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name}${counts} ${(s.ms / 1000).toFixed(1)} s`);
}
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(steps.every((s) => s.ok) ? 0 : 1);
