import { Case } from '../../common/case_types';
import { API_PATHS } from '../../common/constants';
import { DEFAULT_SOURCES } from '../../common/sources';
import { DocumentResponse, Investigation, SOURCE_IDS } from '../../common/types';
import { applyIndexTemplates } from '../../dev/index_templates';
import { createClient, loadDocuments } from '../../dev/load';
import { generateScenario, SiemDoc } from '../fixtures/scenario/generate';
import { startTestHost, TestHost } from './helpers';
import { WITHHELD_TITLE } from '../../server/cases/snapshot_visibility';

jest.setTimeout(600_000);

/**
 * Cross-cluster search: the CloudTrail source spans the local cluster and a remote one
 * (`cluster.remote.<alias>.seeds`, `skip_unavailable: true`). Needs a second cluster:
 * OPENSEARCH_REMOTE_URL (its HTTP URL) and OPENSEARCH_REMOTE_SEED (its transport address, host:port);
 * scripts/test_all.sh starts one. Without them the suite says so and does not run.
 */
const REMOTE_URL = process.env.OPENSEARCH_REMOTE_URL;
const REMOTE_SEED = process.env.OPENSEARCH_REMOTE_SEED;
const describeRemote = REMOTE_URL && REMOTE_SEED ? describe : describe.skip;
if (!REMOTE_URL || !REMOTE_SEED) console.warn('cross_cluster.test.ts skipped: set OPENSEARCH_REMOTE_URL and OPENSEARCH_REMOTE_SEED (scripts/test_all.sh does)');

const alias = `other${process.pid}`;
/** A remote that never answers: a closed port on loopback. */
const gone = `gone${process.pid}`;

describeRemote('cross-cluster search: one source partly in a remote cluster', () => {
  let host: TestHost;
  let facts: ReturnType<typeof generateScenario>['facts'];
  let inv: Investigation;
  const remote = createClient(REMOTE_URL);
  const local = createClient(process.env.OPENSEARCH_URL ?? 'http://127.0.0.1:9200');
  const remoteDocs: SiemDoc[] = [];

  const cloudtrail = (prefix: string, ...aliases: string[]) =>
    [`${prefix}${DEFAULT_SOURCES.cloudtrail.indexPattern}`, ...aliases.map((a) => `${a}:${prefix}${DEFAULT_SOURCES.cloudtrail.indexPattern}`)].join(',');
  const sourcesConfig = (prefix: string, ...aliases: string[]) => ({
    sources: Object.fromEntries(
      SOURCE_IDS.map((id) => [id, { indexPattern: id === 'cloudtrail' ? cloudtrail(prefix, ...aliases) : `${prefix}${DEFAULT_SOURCES[id].indexPattern}` }])
    ),
  });

  beforeAll(async () => {
    await local.cluster.putSettings({
      body: {
        persistent: {
          [`cluster.remote.${alias}.seeds`]: [REMOTE_SEED],
          [`cluster.remote.${alias}.skip_unavailable`]: true,
          [`cluster.remote.${gone}.seeds`]: ['127.0.0.1:9'],
          [`cluster.remote.${gone}.skip_unavailable`]: true,
        },
      },
    } as any);
    host = await startTestHost('ccs', { configFor: (prefix) => sourcesConfig(prefix, alias) });
    const scenario = generateScenario({ indexPrefix: host.prefix, noise: 3000 });
    facts = scenario.facts;
    // The attacker's object reads (and all other GetObject calls) live in the remote cluster; the
    // rest of CloudTrail and every other source stay local.
    const toRemote = (d: SiemDoc) => d._index.includes('log-aws-cloudtrail-') && (d._source as any).eventName === 'GetObject';
    remoteDocs.push(...scenario.docs.filter(toRemote));
    await applyIndexTemplates(local, { prefix: host.prefix });
    await applyIndexTemplates(remote, { prefix: host.prefix });
    await loadDocuments(local, scenario.docs.filter((d) => !toRemote(d)), { refresh: true });
    await loadDocuments(remote, remoteDocs, { refresh: true });
    const r = await host.api<Investigation>('POST', API_PATHS.investigate, { finding: facts.iamFinding });
    expect(r.status).toBe(200);
    inv = r.body;
  });
  afterAll(async () => {
    await remote.indices.delete({ index: `${host?.prefix}*`, ignore_unavailable: true, allow_no_indices: true } as any).catch(() => undefined);
    await remote.transport.request({ method: 'DELETE', path: `/_index_template/${host?.prefix}*` }).catch(() => undefined);
    await remote.transport.request({ method: 'DELETE', path: `/_component_template/${host?.prefix}*` }).catch(() => undefined);
    await host?.cleanup();
    const off = (a: string) => ({ [`cluster.remote.${a}.seeds`]: null, [`cluster.remote.${a}.skip_unavailable`]: null });
    await local.cluster.putSettings({ body: { persistent: { ...off(alias), ...off(gone) } } } as any).catch(() => undefined);
    await Promise.all([remote.close(), local.close()]);
  });

  it('finds the evidence that lives in the remote cluster, named by its cluster, next to the local evidence', () => {
    expect(remoteDocs.length).toBeGreaterThan(facts.counts.configPyGetObjects);
    const objects = inv.evidence.find((g) => g.id === 'cloudtrail.object_access')!;
    const refs = objects.hits.map((h) => `${h.ref.index}/${h.ref.id}`);
    expect(refs).toContain(`${alias}:${facts.firstGetObject.index}/${facts.firstGetObject.id}`);
    expect(objects.facets.find((f) => f.field === 'requestParameters.key')!.buckets[0]).toEqual({ value: 'config.py', count: facts.counts.configPyGetObjects });
    // The bucket's ACL change stays local and is found as before.
    const perms = inv.evidence.find((g) => g.id === 'cloudtrail.bucket_permissions')!;
    expect(perms.hits.map((h) => `${h.ref.index}/${h.ref.id}`)).toContain(`${facts.putBucketAcl.index}/${facts.putBucketAcl.id}`);
    // ... and the timeline puts the ACL change (local) before the first read (remote).
    const at = (ref: string) => inv.timeline.findIndex((e) => `${e.ref.index}/${e.ref.id}` === ref);
    expect(at(`${facts.putBucketAcl.index}/${facts.putBucketAcl.id}`)).toBeGreaterThanOrEqual(0);
    expect(at(`${alias}:${facts.firstGetObject.index}/${facts.firstGetObject.id}`)).toBeGreaterThan(at(`${facts.putBucketAcl.index}/${facts.putBucketAcl.id}`));
  });

  it('reports coverage per cluster, the source line summing both', () => {
    const ct = inv.coverage.find((c) => c.source === 'cloudtrail')!;
    expect(ct.clusters!.map((c) => c.cluster)).toEqual(['(local)', alias]);
    const [here, there] = ct.clusters!;
    expect(here.docsInWindow).toBeGreaterThan(0);
    expect(there.docsInWindow).toBeGreaterThan(0);
    expect(there.indexPattern).toBe(`${alias}:${host.prefix}log-aws-cloudtrail-*`);
    expect(ct.docsInWindow).toBe(here.docsInWindow + there.docsInWindow);
    expect(ct.error).toBeUndefined();
    // Sources on one cluster keep their one line.
    expect(inv.coverage.find((c) => c.source === 'linux_secure')!.clusters).toBeUndefined();
  });

  it('opens a remote document and attaches it to a case, where it shows as available', async () => {
    const ref = { index: `${alias}:${facts.firstGetObject.index}`, id: facts.firstGetObject.id };
    const doc = await host.api<DocumentResponse>('GET', `${API_PATHS.document}?index=${encodeURIComponent(ref.index)}&id=${encodeURIComponent(ref.id)}`);
    expect(doc.status).toBe(200);
    expect(doc.body.source).toBe('cloudtrail');
    expect((doc.body.document as any).eventName).toBe('GetObject');
    const missing = await host.api('GET', `${API_PATHS.document}?index=${encodeURIComponent(ref.index)}&id=no-such-id`);
    expect(missing.status).toBe(404);
    // A remote index outside the configured patterns is refused before anything is read.
    const outside = await host.api<any>('GET', `${API_PATHS.document}?index=${encodeURIComponent(`${alias}:${host.prefix}log-linux-secure-2021-04`)}&id=x`);
    expect(outside.status).toBe(400);

    const created = await host.api<Case>('POST', API_PATHS.cases, { title: 'Remote evidence' });
    expect(created.status).toBe(200);
    const attached = await host.api<Case>('POST', API_PATHS.caseAttachments(created.body.id), { type: 'event', ref });
    expect(attached.status).toBe(200);
    const local = await host.api<Case>('POST', API_PATHS.caseAttachments(created.body.id), { type: 'event', ref: facts.putBucketAcl });
    expect(local.status).toBe(200);
    const read = await host.api<Case>('GET', API_PATHS.case(created.body.id));
    expect(read.status).toBe(200);
    const byIndex = Object.fromEntries(read.body.attachments.map((a) => [a.ref.index, a]));
    expect(byIndex[ref.index].available).toBe(true);
    // Snapshot visibility `source`: the reader's view of the remote document was read back (by id,
    // across clusters) and kept every snapshot field; a withheld snapshot would have none.
    expect(Object.keys(byIndex[ref.index].snapshot.fields).length).toBeGreaterThan(2);
    expect(byIndex[ref.index].snapshot.title).not.toBe(WITHHELD_TITLE);
    expect(JSON.stringify(byIndex[ref.index].snapshot)).toContain('GetObject');
    expect(byIndex[facts.putBucketAcl.index].available).toBe(true);
  });

  it('a remote cluster that is down is a coverage line, not a failure', async () => {
    const down = await startTestHost('ccs-down', { configFor: () => sourcesConfig(host.prefix, alias, gone) });
    try {
      const r = await down.api<Investigation>('POST', API_PATHS.investigate, { finding: facts.iamFinding });
      expect(r.status).toBe(200);
      const ct = r.body.coverage.find((c) => c.source === 'cloudtrail')!;
      const byCluster = Object.fromEntries(ct.clusters!.map((c) => [c.cluster, c]));
      expect(byCluster[gone].error).toMatch(/did not answer|unavailable|connect/i);
      expect(byCluster[alias].error).toBeUndefined();
      expect(byCluster[alias].docsInWindow).toBeGreaterThan(0);
      expect(ct.docsInWindow).toBe(byCluster['(local)'].docsInWindow + byCluster[alias].docsInWindow);
      // The evidence of the clusters that answered is all there; the groups say they may be partial.
      const objects = r.body.evidence.find((g) => g.id === 'cloudtrail.object_access')!;
      expect(objects.facets.find((f) => f.field === 'requestParameters.key')!.buckets[0]).toEqual({ value: 'config.py', count: facts.counts.configPyGetObjects });
      expect(objects.error).toMatch(/did not answer/);
    } finally {
      await down.close();
    }
  });
});
