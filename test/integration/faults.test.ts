import { Client } from '@opensearch-project/opensearch';
import { API_PATHS } from '../../common/constants';
import { Case } from '../../common/case_types';
import { Fault, FaultProxy, startFaultProxy } from './fault_proxy';
import { createSavedObjectsClientFactory } from '../../dev/host/saved_objects_client';
import { loadScenario, OPENSEARCH_URL, startTestHost, TestHost, uniquePrefix } from './helpers';

jest.setTimeout(180_000);

/**
 * The plugin behind a misbehaving OpenSearch: every upstream failure is a 502/503/504 naming
 * OpenSearch — never a 500, never a hang beyond the request's budget, never a retry storm.
 */
const BUDGET_MS = 2000;

describe('OpenSearch failing under the plugin (fault proxy in front of a real OpenSearch)', () => {
  let proxy: FaultProxy;
  let host: TestHost;
  let facts: Awaited<ReturnType<typeof loadScenario>>['facts'];
  let caseId: string;

  beforeAll(async () => {
    proxy = await startFaultProxy(OPENSEARCH_URL);
    const soIndex = `${uniquePrefix('faults-so')}kibana`;
    host = await startTestHost('faults', {
      opensearchUrl: proxy.url,
      config: { requestTimeout: BUDGET_MS },
      createSavedObjectsClient: createSavedObjectsClientFactory(new Client({ node: proxy.url }), { index: soIndex }),
    });
    ({ facts } = await loadScenario(new Client({ node: OPENSEARCH_URL }), host.prefix, { noise: 50 }));
    // The case the tests act on is made beside the proxy, in the same saved-objects index, with the
    // default budget: a first case (index mappings, number counter, items) takes more than the 2 s
    // the tests give each request.
    const setup = await startTestHost('faults-setup', {
      createSavedObjectsClient: createSavedObjectsClientFactory(new Client({ node: OPENSEARCH_URL }), { index: soIndex }),
    });
    try {
      const created = await setup.api<Case>('POST', API_PATHS.cases, { title: 'faults' });
      expect(created.status).toBe(200);
      caseId = created.body.id;
    } finally {
      await setup.cleanup();
    }
  });
  afterEach(() => proxy.set({ kind: 'pass' }));
  afterAll(async () => {
    proxy?.set({ kind: 'pass' });
    await host?.opensearch.indices.delete({ index: `${host.prefix}*,*faults-so*` } as any).catch(() => undefined);
    await host?.cleanup();
    await proxy?.close();
  });

  const docQuery = () => `${API_PATHS.document}?index=${encodeURIComponent(facts.putBucketAcl.index)}&id=${encodeURIComponent(facts.putBucketAcl.id)}`;
  /** Routes that read logs through the plugin's own reader (its budget applies). */
  const logRoutes: Array<[string, () => Promise<{ status: number; body: any }>]> = [
    ['GET /findings', () => host.api('GET', `${API_PATHS.findings}?from=${facts.baseDate}T00:00:00Z&to=now`)],
    ['POST /investigate', () => host.api('POST', API_PATHS.investigate, { finding: facts.iamFinding })],
    ['GET /document', () => host.api('GET', docQuery())],
  ];
  /** Case routes: the saved objects client (OSD's own client settings) and then the plugin's reader. */
  const caseRoutes: Array<[string, () => Promise<{ status: number; body: any }>]> = [
    ['GET /cases', () => host.api('GET', API_PATHS.cases)],
    ['GET /cases/{id}', () => host.api('GET', API_PATHS.case(caseId))],
    ['POST /cases', () => host.api('POST', API_PATHS.cases, { title: 'not saved' })],
    ['POST /cases/{id}/comments', () => host.api('POST', API_PATHS.caseComments(caseId), { text: 'x' })],
    ['GET /cases/{id}/export', () => host.api('GET', `${API_PATHS.caseExport(caseId)}?format=markdown`)],
  ];

  const expectations: Array<[string, Fault, number]> = [
    ['OpenSearch answers 500', { kind: 'status', status: 500 }, 502],
    ['a proxy answers 502', { kind: 'status', status: 502 }, 502],
    ['OpenSearch answers 503', { kind: 'status', status: 503 }, 503],
    ['a proxy answers 504', { kind: 'status', status: 504 }, 504],
    ['the answer is not JSON', { kind: 'garbage' }, 502],
    ['the answer is cut off', { kind: 'cut' }, 502],
    ['the connection is reset', { kind: 'reset' }, 503],
  ];

  describe.each(expectations)('when %s', (_what, fault, status) => {
    it.each(logRoutes)(`%s answers ${status} with a message naming OpenSearch`, async (_route, call) => {
      proxy.set(fault);
      const r = await call();
      expect({ status: r.status, message: r.body?.message }).toEqual({ status, message: expect.stringMatching(/OpenSearch/) });
      // One attempt: the client's own retries would multiply a failing cluster's load and the wait.
      expect(proxy.hits()).toBe(1);
    });

    it.each(caseRoutes)('%s answers a 502/503/504 with a message, never a 500', async (_route, call) => {
      proxy.set(fault);
      const r = await call();
      expect([502, 503, 504]).toContain(r.status);
      expect(r.body?.message).toMatch(/OpenSearch/);
    });
  });

  it('a multi-search failing after the finding was read is a 502 naming the status', async () => {
    proxy.set({ kind: 'status', status: 500 }, /_msearch/);
    const r = await host.api('POST', API_PATHS.investigate, { finding: facts.iamFinding });
    expect(r.status).toBe(502);
    expect(r.body.message).toMatch(/OpenSearch failed \(500\)/);
  });

  it.each(logRoutes)('%s gives up on a hung OpenSearch within the request budget with a 504, without retrying', async (_route, call) => {
    proxy.set({ kind: 'hang' });
    const started = Date.now();
    const r = await call();
    const took = Date.now() - started;
    expect(r.status).toBe(504);
    expect(r.body.message).toMatch(/OpenSearch did not answer within 2 s/);
    expect(took).toBeGreaterThanOrEqual(BUDGET_MS - 100);
    expect(took).toBeLessThan(BUDGET_MS + 1500);
    expect(proxy.hits()).toBe(1);
  });

  it.each(caseRoutes)('%s answers 504 within the request budget on a hung OpenSearch, although the saved objects client would wait 4 × 30 s', async (_route, call) => {
    proxy.set({ kind: 'hang' });
    const started = Date.now();
    const r = await call();
    expect(r.status).toBe(504);
    expect(r.body.message).toMatch(/OpenSearch did not answer within 2 s/);
    expect(Date.now() - started).toBeLessThan(BUDGET_MS + 1500);
  });

  it('an investigation whose multi-search hangs after the finding was read answers within one budget in total', async () => {
    proxy.set({ kind: 'hang' }, /_msearch/);
    const started = Date.now();
    const r = await host.api('POST', API_PATHS.investigate, { finding: facts.iamFinding });
    expect(r.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(BUDGET_MS + 1500);
    expect(proxy.hits()).toBe(1);
  });

  it('works again as soon as OpenSearch does', async () => {
    // The finding read and the findings list (a whole investigation may need more than this host's 2 s budget on a busy machine).
    const d = await host.api('GET', docQuery());
    expect(d.status).toBe(200);
    const r = await host.api('GET', API_PATHS.findings);
    expect(r.status).toBe(200);
  });
});
