/**
 * A tiny static file server on 127.0.0.1 (random port) for the e2e tests and
 * the page benchmark. Two roots:
 *
 *   /<file>              -> tests/fixtures/pages/<file>
 *   /readability/<file>  -> ../shared/testpages/readability/<file> (read in place, never copied)
 *
 * Only GET/HEAD of files under those roots; anything else is a 404, so a page's
 * references to missing assets fail fast instead of hanging a test.
 *
 * `?noscript=1` serves an HTML page with its <script> elements and inline
 * event handlers (onload, onerror...) removed: the saved pages' own scripts
 * (ads, lazy images, analytics) would otherwise change the DOM and use the
 * main thread, and a test could not tell their changes and time from
 * Parallax's.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above tests/e2e/support). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The local fixture pages. */
export const fixturePagesDir = path.join(repoRoot, 'tests', 'fixtures', 'pages');
/** Mozilla Readability's real saved pages, shared beside the project. */
export const readabilityPagesDir = path.resolve(repoRoot, '..', 'shared', 'testpages', 'readability');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A running fixture server. */
export interface FixtureServer {
  /** e.g. `http://127.0.0.1:40123` */
  origin: string;
  /** Absolute URL of a fixture path such as `article-seed.html` or `readability/ars-1.html`. */
  url(pathname: string): string;
  close(): Promise<void>;
}

/** Maps a request path to a file inside one of the two roots, or null (path escapes, unknown root). */
function resolveFile(pathname: string): string | null {
  const decoded = decodeURIComponent(pathname);
  const [root, rest] = decoded.startsWith('/readability/')
    ? [readabilityPagesDir, decoded.slice('/readability/'.length)]
    : [fixturePagesDir, decoded.slice(1) || 'index.html'];
  const file = path.resolve(root, rest);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Removes <script> elements (their content too) and on* handler attributes from an HTML document. */
export function stripScripts(html: string): string {
  const handler = /(<[a-zA-Z][^<>]*?)\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/g;
  let out = html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
  // A tag may carry several handlers; each pass removes one per tag.
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(handler, '$1');
  }
  return out;
}

/** Starts the server; resolves once it listens. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const server: Server = createServer(async (req, res) => {
    const file = req.method === 'GET' || req.method === 'HEAD' ? resolveFile(new URL(req.url ?? '/', 'http://x').pathname) : null;
    try {
      if (!file) throw new Error('not found');
      const url = new URL(req.url ?? '/', 'http://x');
      let body: Buffer | string = await readFile(file);
      if (url.searchParams.get('noscript') === '1' && file.endsWith('.html')) body = stripScripts(body.toString('utf8'));
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (pathname) => `${origin}/${pathname.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
