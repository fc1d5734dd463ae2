/**
 * A proxy that lets nothing through and writes down everything sent to it.
 * The browsers in the privacy tests send every request for a host other than
 * the local fixture server here (Chromium `--proxy-server`, Firefox's proxy
 * prefs), so any request that would have left the machine, from any context
 * (service worker, event page, popup, options, content script), is recorded.
 */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';

/** A running recording proxy. */
export interface RecordingProxy {
  port: number;
  /** "GET http://host/path" or "CONNECT host:443", in arrival order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Starts the proxy on a free local port. */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('blocked by the test proxy');
  });
  server.on('connect', (req, socket: Socket) => {
    requests.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Chromium switches that send every non-local request to the proxy. */
export function chromiumProxyArgs(port: number): string[] {
  // Loopback stays direct (Chromium's implicit bypass): the fixture server is 127.0.0.1.
  return [`--proxy-server=http://127.0.0.1:${port}`];
}

/** Firefox prefs that send every non-local request to the proxy. */
export function firefoxProxyPrefs(port: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '127.0.0.1,localhost',
  };
}
