import http from 'http';
import { AddressInfo } from 'net';

/**
 * A proxy in front of the real OpenSearch that misbehaves on request: the faults a cluster shows
 * in an incident (hung, failing, answering garbage, dropping connections). Requests whose path does
 * not match `paths` pass through untouched, so one call of a route can fail while the others work.
 */
export type Fault =
  | { kind: 'pass' }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** Answers this status with an OpenSearch-shaped error body. */
  | { kind: 'status'; status: number }
  /** Answers 200 with a body that is not JSON. */
  | { kind: 'garbage' }
  /** Destroys the connection without answering. */
  | { kind: 'reset' }
  /** Sends the real answer's headers and half its body, then destroys the connection. */
  | { kind: 'cut' };

export interface FaultProxy {
  url: string;
  set(fault: Fault, paths?: RegExp): void;
  /** How many requests matched the fault since it was set (retries show up here). */
  hits(): number;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let fault: Fault = { kind: 'pass' };
  let only: RegExp | undefined;
  let matched = 0;
  const hung = new Set<http.ServerResponse>();

  const forward = (req: http.IncomingMessage, body: Buffer, onResponse: (res: http.IncomingMessage) => void, res: http.ServerResponse) => {
    const out = http.request(
      { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      onResponse
    );
    out.on('error', () => res.destroy());
    out.end(body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const active = !only || only.test(req.url ?? '');
      const f: Fault = active ? fault : { kind: 'pass' };
      if (active && f.kind !== 'pass') matched++;
      switch (f.kind) {
        case 'hang':
          hung.add(res);
          res.on('close', () => hung.delete(res));
          return;
        case 'status':
          res.writeHead(f.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { type: 'fault_injected', reason: `injected HTTP ${f.status}` }, status: f.status }));
          return;
        case 'garbage':
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('<html><body>502 Bad Gateway from a load balancer</body></html>');
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'cut':
          forward(req, body, (up) => {
            const parts: Buffer[] = [];
            up.on('data', (c: Buffer) => parts.push(c));
            up.on('end', () => {
              const whole = Buffer.concat(parts);
              const headers = { ...up.headers };
              delete headers['content-length'];
              res.writeHead(up.statusCode ?? 200, headers);
              res.write(whole.subarray(0, Math.max(1, Math.floor(whole.length / 2))));
              setTimeout(() => res.destroy(), 20);
            });
          }, res);
          return;
        case 'pass':
          forward(req, body, (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          }, res);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set(f, paths) {
      fault = f;
      only = paths;
      matched = 0;
    },
    hits: () => matched,
    close: async () => {
      for (const r of hung) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
