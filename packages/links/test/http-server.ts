// A real HTTP server on 127.0.0.1 for the checker tests: fixed routes, and a log of every
// connection and request it sees (method, path, headers, time).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export interface TestServer {
  origin: string;
  port: number;
  requests: SeenRequest[];
  connections: number;
  count(method: string, path: string): number;
  reset(): void;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, hits: number) => void;

const routes: Record<string, Handler> = {
  '/ok': (_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('fine'),
  '/not-found': (_q, res) => res.writeHead(404).end('missing'),
  '/gone': (_q, res) => res.writeHead(410).end('gone'),
  '/moved': (_q, res) => res.writeHead(301, { location: '/moved-again' }).end(),
  '/moved-again': (_q, res) => res.writeHead(308, { location: '/ok' }).end(),
  '/temporary': (_q, res) => res.writeHead(302, { location: '/ok' }).end(),
  '/moved-to-missing': (_q, res) => res.writeHead(301, { location: '/not-found' }).end(),
  '/loop-a': (_q, res) => res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_q, res) => res.writeHead(302, { location: '/loop-a' }).end(),
  '/rate-limited': (_q, res, hits) => (hits === 1 ? res.writeHead(429, { 'retry-after': '1' }).end() : res.writeHead(200).end('ok')),
  '/unavailable': (_q, res, hits) => (hits === 1 ? res.writeHead(503).end() : res.writeHead(200).end('ok')),
  '/always-unavailable': (_q, res) => res.writeHead(503).end(),
  '/no-head': (req, res) => (req.method === 'HEAD' ? res.writeHead(405, { allow: 'GET' }).end() : res.writeHead(200).end('ok')),
  '/slow': (_q, res) => {
    const timer = setTimeout(() => res.writeHead(200).end('late'), 3_000);
    res.on('close', () => clearTimeout(timer));
  },
  '/reset': (req) => req.socket.destroy(),
  '/to-metadata': (_q, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
};

export async function startServer(extra: Record<string, Handler> = {}): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ method: req.method ?? '', path, headers: req.headers, at: Date.now() });
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    const handler = extra[path] ?? routes[path];
    if (handler) handler(req, res, n);
    else res.writeHead(404).end();
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    get connections() {
      return connections;
    },
    count: (method, path) => requests.filter((r) => r.method === method && r.path === path).length,
    reset() {
      requests.length = 0;
      hits.clear();
      connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
