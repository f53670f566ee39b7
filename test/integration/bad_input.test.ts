import { Client } from '@opensearch-project/opensearch';
import { API_PATHS } from '../../common/constants';
import { Case } from '../../common/case_types';
import { createSavedObjectsClientFactory } from '../../dev/host/saved_objects_client';
import { loadScenario, OPENSEARCH_URL, startTestHost, TestHost, uniquePrefix } from './helpers';

jest.setTimeout(180_000);

/**
 * Bad input on every route: each answer is a 4xx with a message, and nothing a user saved changes.
 * Bodies are sent as raw JSON text, so they can hold what a JS object cannot (lone surrogates,
 * `__proto__` keys, duplicate keys).
 */
const LONG = 'x'.repeat(100_000);
const BAD_VALUES = ['null', '[]', '42', 'true', '{}', '"\\ud800"', JSON.stringify(LONG), '{"__proto__":{"polluted":1}}', '[{"a":1}]'];

describe('bad input on every route', () => {
  let host: TestHost;
  let facts: Awaited<ReturnType<typeof loadScenario>>['facts'];
  let c: Case;

  beforeAll(async () => {
    const soIndex = `${uniquePrefix('bad-so')}kibana`;
    host = await startTestHost('bad', { createSavedObjectsClient: createSavedObjectsClientFactory(new Client({ node: OPENSEARCH_URL }), { index: soIndex }) });
    ({ facts } = await loadScenario(host.opensearch, host.prefix, { noise: 10 }));
    c = (await host.api<Case>('POST', API_PATHS.cases, { title: 'kept as it is', tags: ['t'] })).body;
    await host.api('POST', API_PATHS.caseComments(c.id), { text: 'first' });
    c = (await host.api<Case>('GET', API_PATHS.case(c.id))).body;
  });
  afterAll(async () => {
    await host?.opensearch.indices.delete({ index: '*bad-so*' } as any).catch(() => undefined);
    await host?.cleanup();
  });

  const bodies = (fields: string[]): string[] => [
    '',
    'not json',
    '[1,2]',
    '"just a string"',
    ...BAD_VALUES.map((v) => `{${fields.map((f) => `"${f}":${v}`).join(',')}}`),
    ...fields.map((f) => `{"${f}":null,"unknownField":1}`),
  ];

  type Route = [string, () => string, string[]];
  it.each<Route>([
    ['POST /investigate', () => API_PATHS.investigate, ['finding', 'window']],
    ['POST /cases', () => API_PATHS.cases, ['title', 'description', 'severity', 'tags', 'assignees']],
    ['PATCH /cases/{id}', () => API_PATHS.case(c.id), ['version', 'title', 'status', 'closeReason', 'tags']],
    ['POST /cases/{id}/attachments', () => API_PATHS.caseAttachments(c.id), ['type', 'ref']],
    ['POST /cases/{id}/comments', () => API_PATHS.caseComments(c.id), ['text']],
    ['POST /cases/{id}/merge', () => API_PATHS.caseMerge(c.id), ['source']],
  ])('%s answers every malformed body with a 4xx and a message', async (route, path, fields) => {
    const method = route.split(' ')[0];
    for (const body of bodies(fields)) {
      const r = await host.api(method, path(), body);
      expect({ body, status: r.status >= 400 && r.status < 500, message: typeof r.body?.message }).toEqual({ body, status: true, message: 'string' });
    }
  });

  it.each<Route>([
    ['GET /findings', () => `${API_PATHS.findings}?`, ['from', 'to', 'query', 'severity', 'page', 'perPage', 'sortField', 'sortOrder']],
    ['GET /document', () => `${API_PATHS.document}?`, ['index', 'id']],
    ['GET /cases', () => `${API_PATHS.cases}?`, ['status', 'severity', 'page', 'perPage', 'sortField', 'sortOrder']],
    ['GET /cases/{id}/export', () => `${API_PATHS.caseExport(c.id)}?`, ['format']],
  ])('%s answers malformed query parameters with a 4xx and a message', async (_route, path, params) => {
    const values = ['', '-1', '0', '1e9', 'now-', '9999-99-99', '*', 'a,b,c', encodeURIComponent(LONG.slice(0, 5000)), '%ED%A0%80'];
    for (const p of params) {
      for (const v of values) {
        const r = await host.api('GET', `${path()}${p}=${v}&${p}=${v}x`);
        expect({ p, v, ok: r.status < 500 }).toEqual({ p, v, ok: true });
        if (r.status >= 400) expect(typeof r.body?.message).toBe('string');
      }
    }
    const unknown = await host.api('GET', `${path()}nope=1`);
    expect(unknown.status).toBe(400);
  });

  it('left the case exactly as it was', async () => {
    const after = (await host.api<Case>('GET', API_PATHS.case(c.id))).body;
    expect(after).toEqual(c);
    expect(({} as any).polluted).toBeUndefined();
    const inv = await host.api('POST', API_PATHS.investigate, { finding: facts.iamFinding });
    expect(inv.status).toBe(200);
  });
});
