import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

/**
 * The content script, built on its own as one classic script (IIFE) with
 * everything inlined. A module content script needs a loader that imports its
 * chunks from extension URLs, and those must be web-accessible, which lets any
 * page detect Parallax by fetching a known file. One self-contained file needs
 * nothing web-accessible. The IIFE has no exports, so it declares no global.
 * scripts/build.mjs runs this after the main build and lists the file in the
 * built manifest.
 */
const target = process.env.PARALLAX_TARGET === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  plugins: [preact()],
  publicDir: false,
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    rollupOptions: {
      input: 'src/content/index.ts',
      output: { format: 'iife', entryFileNames: 'content.js' },
    },
  },
});
