/**
 * Where the real browsers live, and a loud failure when one is missing: the
 * e2e suite never skips itself (under CI=true or anywhere else).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './server';

/** Debian's Chromium (apt package `chromium`). */
export const chromiumPath = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';
/** Debian's Firefox ESR (apt package `firefox-esr`). */
export const firefoxPath = process.env.PARALLAX_FIREFOX ?? '/usr/bin/firefox-esr';

/** The unpacked builds, written by `npm run build`. */
export const chromeBuildDir = path.join(repoRoot, 'dist', 'chrome');
export const firefoxBuildDir = path.join(repoRoot, 'dist', 'firefox');

/** Throws with an actionable message when the browser binary or the build is missing. */
export function requireBrowserAndBuild(executable: string, buildDir: string): void {
  if (!existsSync(executable)) {
    throw new Error(`${executable} is missing: install it (apt-get install -y chromium firefox-esr) or run .ci/run`);
  }
  if (!existsSync(path.join(buildDir, 'manifest.json'))) {
    throw new Error(`${buildDir}/manifest.json is missing: run npm run build first`);
  }
}
