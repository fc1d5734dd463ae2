import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

/**
 * One build config for both browsers. The only per-browser difference lives in
 * `manifestFor`: Firefox gets `background.scripts` (event page) and its gecko
 * settings; Chrome keeps the service worker.
 */
type Target = 'chrome' | 'firefox';
const target: Target = process.env.PARALLAX_TARGET === 'firefox' ? 'firefox' : 'chrome';

function manifestFor(browser: Target) {
  const manifest = structuredClone(baseManifest) as Record<string, unknown>;
  // The content script is built apart as one classic script (vite.content.config.ts) and
  // listed by scripts/build.mjs: through crxjs it would need web-accessible loader chunks.
  delete manifest.content_scripts;
  if (browser === 'chrome') {
    // A service worker cannot start the model's dedicated worker; an offscreen document hosts it.
    manifest.permissions = [...(manifest.permissions as string[]), 'offscreen'];
  }
  if (browser === 'firefox') {
    manifest.background = { scripts: ['src/background/index.ts'], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: {
        id: 'parallax@parallax.example',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return manifest as unknown as ManifestV3Export;
}

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifestFor(target), browser: target })],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: true,
    // Pages the manifest does not name are inputs of their own: Chrome's offscreen document and the stored article view.
    rollupOptions: { input: { offscreen: 'src/offscreen/index.html', article: 'src/article/index.html' } },
  },
  // The sentence-model worker is a classic worker: TensorFlow.js' WebAssembly loader (Emscripten)
  // recognises a worker by `importScripts`, which module workers lack, and would fall back to the
  // CPU backend, several times slower.
  worker: { format: 'iife' },
});
