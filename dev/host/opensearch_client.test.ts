import net from 'net';
import { AddressInfo } from 'net';
import path from 'path';
import { API_PATHS } from '../../common/constants';
import { startDevHost } from './dev_host';
import { createOsdOpenSearchClient, OSD_OPENSEARCH_DEFAULTS } from './opensearch_client';

/** An "OpenSearch" that accepts connections and never answers; counts the HTTP requests it got. */
async function hungOpenSearch() {
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (d) => {
      const line = d.toString('latin1').split('\r\n')[0];
      if (/^[A-Z]+ \//.test(line)) requests.push(line);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe("the dev host's OpenSearch client is configured as OSD's", () => {
  it("has OSD's defaults: 30 s request and ping timeouts, opensearch-js's 3 retries, no sniffing", async () => {
    const client = createOsdOpenSearchClient('http://127.0.0.1:9');
    const transport = client.transport as any;
    expect({ requestTimeout: transport.requestTimeout, maxRetries: transport.maxRetries, pingTimeout: (client.connectionPool as any).pingTimeout }).toEqual({
      requestTimeout: 30_000,
      maxRetries: 3,
      pingTimeout: 30_000,
    });
    expect(transport.sniffInterval).toBe(false);
    expect(transport.sniffOnConnectionFault).toBe(false);
    expect(OSD_OPENSEARCH_DEFAULTS.pingTimeout).toBe(OSD_OPENSEARCH_DEFAULTS.requestTimeout);
    await client.close();
  });

  it('takes opensearch.requestTimeout as OSD does, pingTimeout following it', async () => {
    const client = createOsdOpenSearchClient('http://127.0.0.1:9', { requestTimeout: 5000 });
    expect([(client.transport as any).requestTimeout, (client.connectionPool as any).pingTimeout]).toEqual([5000, 5000]);
    await client.close();
  });

  it('gives up on a hung OpenSearch after 1 + 3 attempts of requestTimeout each, and the case route answers 503', async () => {
    const hung = await hungOpenSearch();
    // OSD's behaviour with opensearch.requestTimeout: 300 (the default is 30 s: 4 × 30 s).
    const host = await startDevHost({ port: 0, opensearchUrl: hung.url, pluginDir: path.resolve(__dirname, '../..'), quiet: true, opensearch: { requestTimeout: 300 } });
    try {
      const started = Date.now();
      const res = await fetch(host.url + API_PATHS.case('some-id'));
      const elapsed = Date.now() - started;
      expect(res.status).toBe(503);
      expect(hung.requests).toHaveLength(4);
      expect(elapsed).toBeGreaterThanOrEqual(4 * 300);
      expect(elapsed).toBeLessThan(4 * 300 + 3000);
    } finally {
      await host.close();
      await hung.close();
    }
  });
});
