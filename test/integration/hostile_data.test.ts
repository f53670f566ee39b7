import { Client } from '@opensearch-project/opensearch';
import { API_PATHS, LIMITS } from '../../common/constants';
import { Case } from '../../common/case_types';
import { DocRef, DocumentResponse, Investigation } from '../../common/types';
import { createSavedObjectsClientFactory } from '../../dev/host/saved_objects_client';
import { loadScenario, OPENSEARCH_URL, startTestHost, TestHost, uniquePrefix } from './helpers';

jest.setTimeout(180_000);

/** Log data is attacker-controlled: whatever shape it takes, it never hides evidence, breaks a route or grows an answer without bound. */

const refKey = (r: DocRef) => `${r.index}/${r.id}`;
const group = (inv: Investigation, id: string) => inv.evidence.find((g) => g.id === id);

async function cloneDoc(host: TestHost, from: DocRef, id: string, change: (source: Record<string, any>) => void): Promise<DocRef> {
  const { body } = await host.opensearch.get({ index: from.index, id: from.id });
  const source = JSON.parse(JSON.stringify(body._source));
  change(source);
  await host.opensearch.index({ index: from.index, id, body: source });
  return { index: from.index, id };
}

describe('an attacker flooding the logs with made-up names', () => {
  let host: TestHost;
  let facts: Awaited<ReturnType<typeof loadScenario>>['facts'];
  let before: Investigation;
  let after: Investigation;

  beforeAll(async () => {
    host = await startTestHost('flood');
    ({ facts } = await loadScenario(host.opensearch, host.prefix, { noise: 50 }));
    const r = await host.api<Investigation>('POST', API_PATHS.investigate, { finding: facts.iamFinding });
    expect(r.status).toBe(200);
    before = r.body;
    // 60 failed calls with the stolen key on made-up buckets, just before its real, successful reads.
    const start = Date.parse(facts.timestamps.firstGetObject) - 10 * 60_000;
    for (let i = 0; i < 60; i++) {
      await cloneDoc(host, facts.firstGetObject, `flood-${i}`, (s) => {
        const bucket = `zz-decoy-bucket-${String(i).padStart(2, '0')}`;
        s['@timestamp'] = new Date(start + i * 1000).toISOString();
        s.eventTime = s['@timestamp'];
        s.eventName = 'GetBucketPolicy';
        s.event = { ...s.event, action: 'GetBucketPolicy', outcome: 'failure' };
        s.errorCode = 'NoSuchBucket';
        s.error = { ...(s.error ?? {}), code: 'NoSuchBucket' };
        s.requestParameters = { bucketName: bucket };
        s.eventID = `flood-${i}`;
      });
    }
    await host.opensearch.indices.refresh({ index: `${host.prefix}*` });
    const r2 = await host.api<Investigation>('POST', API_PATHS.investigate, { finding: facts.iamFinding });
    expect(r2.status).toBe(200);
    after = r2.body;
  });
  afterAll(() => host?.cleanup());

  it('still finds the real bucket’s permission change and Macie finding', () => {
    for (const id of ['cloudtrail.bucket_permissions', 'securityhub.macie']) {
      const hitsBefore = group(before, id)!.hits.map((h) => refKey(h.ref));
      expect(hitsBefore.length).toBeGreaterThan(0);
      expect({ id, hits: group(after, id)?.hits.map((h) => refKey(h.ref)) }).toEqual({ id, hits: hitsBefore });
    }
    expect(group(after, 'cloudtrail.bucket_permissions')!.hits.map((h) => refKey(h.ref))).toContain(refKey(facts.putBucketAcl));
    expect(after.entities.filter((e) => e.type === 'bucket').map((e) => e.value)).toContain(facts.entities.dataBucket);
  });

  it('says which values were left out, and the real bucket is not among them', () => {
    expect(before.omittedEntities).toEqual([]);
    const buckets = after.omittedEntities.find((o) => o.type === 'bucket')!;
    expect(buckets.limit).toBe(LIMITS.entitiesPerType);
    const followed = after.entities.filter((e) => e.type === 'bucket').length;
    expect(followed).toBe(LIMITS.entitiesPerType);
    expect(buckets.count).toBeGreaterThanOrEqual(60 - LIMITS.entitiesPerType);
    expect(buckets.examples.every((v) => v.startsWith('zz-decoy-bucket-'))).toBe(true);
  });

  it('keeps the workshop facts of the story', () => {
    const text = after.story.map((s) => s.text).join(' ');
    expect(text).toContain('config.py');
    expect(text).toMatch(/granting read access to everyone/);
  });
});

describe('hostile log values', () => {
  let host: TestHost;
  let facts: Awaited<ReturnType<typeof loadScenario>>['facts'];
  let protoDoc: DocRef;
  let caseId: string;

  beforeAll(async () => {
    const soIndex = `${uniquePrefix('hostile-so')}kibana`;
    host = await startTestHost('hostile', { createSavedObjectsClient: createSavedObjectsClientFactory(new Client({ node: OPENSEARCH_URL }), { index: soIndex }) });
    ({ facts } = await loadScenario(host.opensearch, host.prefix, { noise: 50 }));
    // JSON.parse keeps "__proto__" as an own key, as a log shipper's JSON would.
    const { body } = await host.opensearch.get({ index: facts.aliceLogin.index, id: facts.aliceLogin.id });
    const source = JSON.parse(JSON.stringify(body._source).replace(/^\{/, '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"x":1}},'));
    protoDoc = { index: facts.aliceLogin.index, id: 'proto-keys' };
    await host.opensearch.transport.request({ method: 'PUT', path: `/${protoDoc.index}/_doc/${protoDoc.id}`, querystring: { refresh: 'true' }, body: source });
    const created = await host.api<Case>('POST', API_PATHS.cases, { title: 'hostile' });
    caseId = created.body.id;
  });
  afterAll(async () => {
    await host?.opensearch.indices.delete({ index: '*hostile-so*' } as any).catch(() => undefined);
    await host?.cleanup();
  });

  it('opens a document with __proto__ and constructor keys, keeping them as data', async () => {
    const r = await host.api<DocumentResponse>('GET', `${API_PATHS.document}?index=${encodeURIComponent(protoDoc.index)}&id=${protoDoc.id}`);
    expect(r.status).toBe(200);
    expect(Object.prototype.hasOwnProperty.call(r.body.document, '__proto__')).toBe(true);
    expect((r.body.document as any)['__proto__']).toEqual({ polluted: 'yes' });
    expect(({} as any).polluted).toBeUndefined();
  });

  it('attaches such a document to a case, and the case stays readable and exportable', async () => {
    const r = await host.api<Case>('POST', API_PATHS.caseAttachments(caseId), { type: 'event', ref: protoDoc });
    expect(r.status).toBe(200);
    expect(r.body.attachments.map((a) => refKey(a.ref))).toContain(refKey(protoDoc));
    expect((await host.api('GET', API_PATHS.case(caseId))).status).toBe(200);
    expect((await host.api('GET', `${API_PATHS.caseExport(caseId)}?format=markdown`)).status).toBe(200);
  });

  it('investigates with such a document among the evidence', async () => {
    const r = await host.api<Investigation>('POST', API_PATHS.investigate, { finding: facts.iamFinding });
    expect(r.status).toBe(200);
    expect(group(r.body, 'linux_secure.ssh_success')!.hits.map((h) => refKey(h.ref))).toContain(refKey(protoDoc));
  });

  it('clips 30 KB values in evidence, timeline, graph and story, and keeps the answer bounded', async () => {
    const huge = 'A'.repeat(30_000);
    const start = Date.parse(facts.timestamps.firstGetObject) + 1000;
    for (let i = 0; i < 300; i++) {
      await cloneDoc(host, facts.firstGetObject, `huge-${i}`, (s) => {
        s['@timestamp'] = new Date(start + i * 1000).toISOString();
        s.userAgent = huge;
        s.user_agent = { original: huge };
        s.requestParameters = { ...s.requestParameters, key: `${huge}-${i}` };
        s.eventID = `huge-${i}`;
      });
    }
    await host.opensearch.indices.refresh({ index: `${host.prefix}*` });
    const res = await fetch(host.url + API_PATHS.investigate, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'osd-xsrf': 't' },
      body: JSON.stringify({ finding: facts.iamFinding }),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    const inv = JSON.parse(text) as Investigation;
    // Without clipping the same answer was 15 MB (300 × 30 KB values, several places each).
    expect(text.length).toBeLessThan(1_500_000);
    const calls = group(inv, 'cloudtrail.access_key')!;
    const clipped = calls.hits.find((h) => String(h.fields['user_agent.original'] ?? '').startsWith('AAAA'))!;
    expect(clipped.truncated).toBe(true);
    expect(String(clipped.fields['user_agent.original']).length).toBe(LIMITS.hitValueChars);
    expect(Math.max(...inv.timeline.map((e) => e.summary.length))).toBeLessThanOrEqual(LIMITS.summaryChars);
    expect(Math.max(...inv.graph.nodes.map((n) => n.value.length))).toBeLessThanOrEqual(LIMITS.labelChars);
    expect(Math.max(...inv.story.map((s) => s.text.length))).toBeLessThanOrEqual(LIMITS.storyChars);
    // The whole value is still one click away.
    const doc = await host.api<DocumentResponse>('GET', `${API_PATHS.document}?index=${encodeURIComponent(clipped.ref.index)}&id=${encodeURIComponent(clipped.ref.id)}`);
    expect((doc.body.document as any).userAgent).toHaveLength(30_000);
  });
});

describe('reads confined to the configured log sources', () => {
  let host: TestHost;
  let facts: Awaited<ReturnType<typeof loadScenario>>['facts'];
  let caseId: string;
  const secretIndex = `${uniquePrefix('secret')}not-a-log`;

  beforeAll(async () => {
    const soIndex = `${uniquePrefix('confine-so')}kibana`;
    host = await startTestHost('confine', { createSavedObjectsClient: createSavedObjectsClientFactory(new Client({ node: OPENSEARCH_URL }), { index: soIndex }) });
    ({ facts } = await loadScenario(host.opensearch, host.prefix, { noise: 10 }));
    await host.opensearch.index({ index: secretIndex, id: 'exists', body: { secret: 'value' }, refresh: true });
    caseId = (await host.api<Case>('POST', API_PATHS.cases, { title: 'confine' })).body.id;
  });
  afterAll(async () => {
    await host?.opensearch.indices.delete({ index: `${secretIndex},*confine-so*` } as any).catch(() => undefined);
    await host?.cleanup();
  });

  it('answers the same 400 for a document outside the sources whether or not it exists', async () => {
    const exists = await host.api('GET', `${API_PATHS.document}?index=${secretIndex}&id=exists`);
    const missing = await host.api('GET', `${API_PATHS.document}?index=${secretIndex}&id=missing`);
    expect(exists.status).toBe(400);
    expect(exists.body.message.replace('exists', 'X')).toBe(missing.body.message.replace('missing', 'X'));
    expect(JSON.stringify(exists.body)).not.toContain('value');
    const dotIndex = await host.api('GET', `${API_PATHS.document}?index=.kibana&id=config:3.8.0`);
    expect(dotIndex.status).toBe(400);
  });

  it('refuses to investigate or attach a document outside the sources', async () => {
    const inv = await host.api('POST', API_PATHS.investigate, { finding: { index: secretIndex, id: 'exists' } });
    expect(inv.status).toBe(400);
    const att = await host.api('POST', API_PATHS.caseAttachments(caseId), { type: 'event', ref: { index: secretIndex, id: 'exists' } });
    expect(att.status).toBe(400);
    expect(att.body.message).toMatch(/not in any configured log source/);
    const c = await host.api<Case>('GET', API_PATHS.case(caseId));
    expect(c.body.attachments).toEqual([]);
  });

  it('answers 400, not 500, for a lone UTF-16 surrogate in an id or index', async () => {
    const lone = '{"finding":{"index":"' + facts.iamFinding.index + '","id":"\\ud800"}}';
    const inv = await host.api('POST', API_PATHS.investigate, lone);
    expect(inv.status).toBe(400);
    expect(inv.body.message).toMatch(/lone surrogate/);
    const att = await host.api('POST', API_PATHS.caseAttachments(caseId), '{"type":"event","ref":{"index":"log-aws-cloudtrail-\\udc00","id":"x"}}');
    expect(att.status).toBe(400);
    const comment = await host.api('POST', API_PATHS.caseComments(caseId), '{"text":"half an emoji \\ud83d"}');
    expect(comment.status).toBe(400);
  });
});
