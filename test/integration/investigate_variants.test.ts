import { FindingsResponse, Investigation } from '../../common/types';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { example } from '../fixtures/example_docs';
import { startDevHost } from '../../dev/host/dev_host';
import { loadScenario, prefixedSourcesConfig, REPO_ROOT, startTestHost, TestHost } from './helpers';

jest.setTimeout(120_000);

const successUsers = (inv: Investigation) => inv.evidence.find((g) => g.id === 'linux_secure.ssh_success')?.hits.map((h) => h.fields['user.name']);

describe.each([
  ['legacy GuardDuty mapping (SIEM < v2.7.0), numbered indices', { guarddutyMapping: 'legacy' as const, indexNaming: 'numbered' as const }],
  ['current GuardDuty mapping (SIEM ≥ v2.7.0), monthly indices', { guarddutyMapping: 'current' as const, indexNaming: 'monthly' as const }],
])('%s', (_name, variant) => {
  let host: TestHost;
  let facts: Awaited<ReturnType<typeof loadScenario>>['facts'];

  beforeAll(async () => {
    host = await startTestHost(variant.guarddutyMapping);
    ({ facts } = await loadScenario(host.opensearch, host.prefix, { noise: 300, ...variant }));
  });
  afterAll(() => host?.cleanup());

  it('lists the findings once each, with their latest count', async () => {
    const r = await host.api<FindingsResponse>('GET', `/api/siem_investigations/findings?from=${facts.baseDate}T00:00:00Z&to=${facts.baseDate}T23:59:59Z&perPage=100`);
    expect(r.status).toBe(200);
    const ids = r.body.findings.map((f) => f.findingId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.body.total).toBe(ids.length);
    const iam = r.body.findings.find((f) => f.type === 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom')!;
    expect(iam.ref).toEqual(facts.iamFinding);
    expect(iam.count).toBe(9);
  });

  it('shows the newest document of each finding whatever the sort order', async () => {
    for (const q of ['sortOrder=asc', 'sortField=severity&sortOrder=asc', 'sortField=severity&sortOrder=desc']) {
      const r = await host.api<FindingsResponse>('GET', `/api/siem_investigations/findings?from=${facts.baseDate}T00:00:00Z&to=now&perPage=100&${q}`);
      const iam = r.body.findings.find((f) => f.type === 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom')!;
      expect({ q, ref: iam.ref, count: iam.count }).toEqual({ q, ref: facts.iamFinding, count: 9 });
    }
    const asc = await host.api<FindingsResponse>('GET', `/api/siem_investigations/findings?from=${facts.baseDate}T00:00:00Z&to=now&perPage=100&sortOrder=asc`);
    const times = asc.body.findings.map((f) => Date.parse(f.timestamp));
    expect(times).toHaveLength(new Set(asc.body.findings.map((f) => f.findingId)).size);
  });

  it('filters findings by severity and by text', async () => {
    const high = await host.api<FindingsResponse>('GET', `/api/siem_investigations/findings?from=${facts.baseDate}T00:00:00Z&to=now&severity=high,critical`);
    expect(high.body.findings.every((f) => f.severity >= 7)).toBe(true);
    const text = await host.api<FindingsResponse>('GET', `/api/siem_investigations/findings?from=${facts.baseDate}T00:00:00Z&to=now&query=sshbruteforce`);
    expect(text.body.findings.length).toBeGreaterThan(0);
    expect(text.body.findings.every((f) => /SSHBruteForce/.test(f.type))).toBe(true);
  });

  it('investigates the IAM finding to the alice login', async () => {
    const r = await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: facts.iamFinding });
    expect(r.status).toBe(200);
    expect(r.body.finding.type).toBe('UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom');
    expect(successUsers(r.body)).toContain('alice');
    expect(r.body.took.roundTrips).toBe(2);
  });
});

describe('bad input and failures', () => {
  let host: TestHost;
  let facts: Awaited<ReturnType<typeof loadScenario>>['facts'];

  beforeAll(async () => {
    host = await startTestHost('errors');
    ({ facts } = await loadScenario(host.opensearch, host.prefix, { noise: 100 }));
  });
  afterAll(() => host?.cleanup());

  it('rejects a malformed body, unknown fields and a bad window with 400 and a message', async () => {
    for (const body of ['{"finding":', { finding: { index: 'x' } }, { finding: facts.iamFinding, extra: 1 }, { finding: facts.iamFinding, window: { before: 'soon' } }]) {
      const r = await host.api('POST', '/api/siem_investigations/investigate', body);
      expect(r.status).toBe(400);
      expect(typeof r.body.message).toBe('string');
    }
  });

  it('rejects unknown query parameters instead of ignoring them', async () => {
    const r = await host.api('POST', '/api/siem_investigations/investigate?dryRun=1', { finding: facts.iamFinding });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/\[request query\]: query has unknown field\(s\): dryRun/);
  });

  it('answers 404 for a finding that does not exist', async () => {
    const r = await host.api('POST', '/api/siem_investigations/investigate', { finding: { index: facts.iamFinding.index, id: 'nope' } });
    expect(r.status).toBe(404);
    expect(r.body.message).toMatch(/nope/);
    const missingIndex = await host.api('POST', '/api/siem_investigations/investigate', { finding: { index: `${host.prefix}log-aws-guardduty-1999-01`, id: 'x' } });
    expect(missingIndex.status).toBe(404);
  });

  it('reads one whole document for the flyout, and 404s a missing one', async () => {
    const q = (ref: { index: string; id: string }) => `/api/siem_investigations/document?index=${encodeURIComponent(ref.index)}&id=${encodeURIComponent(ref.id)}`;
    const ok = await host.api('GET', q(facts.putBucketAcl));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ref: facts.putBucketAcl, source: 'cloudtrail', timestamp: facts.timestamps.putBucketAcl.replace('.000Z', '+00:00') });
    expect(ok.body.document.eventName).toBe('PutBucketAcl');
    const missing = await host.api('GET', q({ index: facts.putBucketAcl.index, id: 'nope' }));
    expect(missing.status).toBe(404);
    const bad = await host.api('GET', '/api/siem_investigations/document?index=log-*&id=x');
    expect(bad.status).toBe(400);
  });

  it('answers 400 for a finding outside the GuardDuty indices, and for a document that is not a GuardDuty finding', async () => {
    const r = await host.api('POST', '/api/siem_investigations/investigate', { finding: facts.putBucketAcl });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/is not a GuardDuty index/);
    const notFinding = { index: `${host.prefix}log-aws-guardduty-2021-04`, id: 'not-a-finding' };
    await host.opensearch.index({ index: notFinding.index, id: notFinding.id, body: { '@timestamp': '2021-04-01T00:00:00Z', message: 'x' }, refresh: true });
    const r2 = await host.api('POST', '/api/siem_investigations/investigate', { finding: notFinding });
    expect(r2.status).toBe(400);
    expect(r2.body.message).toMatch(/not a GuardDuty finding/);
  });

  it('reports a source without data in coverage instead of failing', async () => {
    const other = await startTestHost('nodata');
    try {
      // Same GuardDuty data, but no CloudTrail/Linux/Security Hub documents under this host's prefix.
      await applyIndexTemplates(other.opensearch, { prefix: other.prefix });
      const d = example('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom');
      await loadDocuments(other.opensearch, [{ ...d, _index: `${other.prefix}${d._index}` }], { refresh: true });
      const r = await other.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: { index: `${other.prefix}${d._index}`, id: d._id } });
      expect(r.status).toBe(200);
      const cov = Object.fromEntries(r.body.coverage.map((c) => [c.source, c.docsInWindow]));
      expect(cov).toEqual({ guardduty: 1, cloudtrail: 0, linux_secure: 0, securityhub: 0, vpcflowlogs: 0, r53resolver: 0, s3accesslog: 0, windows_event: 0, linux_os: 0, waf: 0, elb: 0, networkfirewall: 0, config: 0 });
      expect(r.body.evidence.find((g) => g.id === 'cloudtrail.access_key')!.total).toBe(0);
      // No CloudTrail index at all: absent, not merely empty, and said so per question.
      expect(r.body.coverage.find((c) => c.source === 'cloudtrail')).toMatchObject({ absent: true });
      expect(r.body.coverage.find((c) => c.source === 'guardduty')!.absent).toBeUndefined();
      expect(r.body.story.some((s) => /No CloudTrail index matches/.test(s.text))).toBe(true);
      expect(r.body.playbook).toEqual({ id: 'iam', title: 'IAM credentials' });
      const check = (id: string) => r.body.checks.find((c) => c.rule === id)!;
      expect(check('cloudtrail.access_key')).toMatchObject({ state: 'nothing_found', reason: `no index matches ${other.prefix}log-aws-cloudtrail-*` });
      expect(check('guardduty.finding')).toMatchObject({ state: 'found', total: 1 });
      expect(check('cloudtrail.instance_credentials').state).toBe(r.body.entities.some((e) => e.type === 'instance') ? 'nothing_found' : 'not_run');
    } finally {
      await other.cleanup();
    }
  });

  it('matches values with Lucene/DSL special characters literally', async () => {
    const weird = 'weird*bucket?"\\:()/x';
    const d = example('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom');
    d._id = 'special_1';
    d._source.id = d._source['@id'] = 'special';
    d._source.service.action.awsApiCallAction.affectedResources['AWS::S3::Bucket'] = weird;
    // Nothing else in this finding leads anywhere: the bucket is the only pivot.
    d._source.resource.accessKeyDetails = { accessKeyId: 'ASIASPECIALTESTKEY01', principalId: 'AROASPECIAL:session', userType: 'AssumedRole', userName: 'special-role' };
    d._source.user = { id: 'ASIASPECIALTESTKEY01', name: 'special-role' };
    d._source.service.action.awsApiCallAction.remoteIpDetails.ipAddressV4 = '192.0.2.200';
    d._source.source.ip = d._source.source.address = '192.0.2.200';
    d._source.related.ip = ['192.0.2.200'];
    const exact = example('cloudtrail_PutBucketAcl');
    exact._id = exact._source['@id'] = 'exact-acl';
    exact._source.requestParameters.bucketName = weird;
    const decoy = example('cloudtrail_PutBucketAcl');
    decoy._id = decoy._source['@id'] = 'decoy-acl';
    // What `weird` would match if it were read as a wildcard or query-string pattern.
    decoy._source.requestParameters.bucketName = 'weirdXbucketY"\\:()/x';
    const idx = (i: string) => `${host.prefix}${i}`;
    await loadDocuments(host.opensearch, [
      { ...d, _index: idx(d._index) },
      { ...exact, _index: idx(exact._index) },
      { ...decoy, _index: idx(decoy._index) },
    ], { refresh: true });
    const r = await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: { index: idx(d._index), id: 'special_1' } });
    expect(r.status).toBe(200);
    const perms = r.body.evidence.find((g) => g.id === 'cloudtrail.bucket_permissions')!;
    expect(perms.hits.map((h) => h.ref.id)).toEqual(['exact-acl']);
    expect(JSON.stringify(perms.query)).not.toMatch(/query_string/);
  });

  it('answers 503 with a message when OpenSearch is unreachable', async () => {
    // The same plugin, pointed at a port where nothing listens.
    const h = await startDevHost({ port: 0, opensearchUrl: 'http://127.0.0.1:1', pluginDir: REPO_ROOT, quiet: true, config: prefixedSourcesConfig(host.prefix) });
    try {
      const res = await fetch(`${h.url}/api/siem_investigations/investigate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'osd-xsrf': 't' },
        body: JSON.stringify({ finding: facts.iamFinding }),
      });
      expect(res.status).toBe(503);
      expect((await res.json()).message).toMatch(/OpenSearch is not reachable/);
      const list = await fetch(`${h.url}/api/siem_investigations/findings`);
      expect(list.status).toBe(503);
    } finally {
      await h.close();
    }
  });
});
