import http from 'node:http';
import type { Socket } from 'node:net';

/**
 * A small HTTP proxy on 127.0.0.1 in front of the real Backstage backend, for
 * the fault tests: it forwards everything unchanged (streams included) unless
 * told to go down, to answer slowly, or to answer some paths itself with a 500
 * or a body that is not JSON. Started and stopped by the spec that uses it.
 */
export type Fault =
  | { kind: 'none' }
  | { kind: 'slow'; ms: number }
  | { kind: 'answer'; match: RegExp; status: number; contentType: string; body: string };

export class FaultProxy {
  fault: Fault = { kind: 'none' };
  /** Every request that reached the proxy: `METHOD /path?query`. */
  seen: string[] = [];
  private server?: http.Server;
  private sockets = new Set<Socket>();

  constructor(readonly port: number, readonly backend: string) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts (or restarts) listening. */
  async up() {
    if (this.server) return;
    const server = http.createServer((req, res) => this.handle(req, res));
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.server = server;
  }

  /** Stops listening and cuts every open connection: the backend is gone. */
  async down() {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((done) => server.close(() => done()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  count(pattern: RegExp) {
    return this.seen.filter((r) => pattern.test(r)).length;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const line = `${req.method} ${req.url}`;
    this.seen.push(line);
    const fault = this.fault;
    if (fault.kind === 'answer' && req.method !== 'OPTIONS' && fault.match.test(line)) {
      // As a gateway in front of the backend would, with the CORS headers the
      // browser needs to let the page read the answer.
      res.writeHead(fault.status, {
        'content-type': fault.contentType,
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-credentials': 'true',
      });
      res.end(fault.body);
      return;
    }
    if (fault.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms));
    const target = new URL(req.url ?? '/', this.backend);
    const upstream = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }
}
