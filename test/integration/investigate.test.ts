import { Investigation } from '../../common/types';
import { generateScenario } from '../fixtures/scenario/generate';
import * as S from '../fixtures/scenario/constants';
import { loadScenario, startTestHost, TestHost } from './helpers';

jest.setTimeout(120_000);

type Facts = ReturnType<typeof generateScenario>['facts'];

const group = (inv: Investigation, id: string) => inv.evidence.find((g) => g.id === id);
const refKey = (r: { index: string; id: string }) => `${r.index}/${r.id}`;
const allValues = (inv: Investigation) => JSON.stringify([inv.entities, inv.evidence.map((g) => g.hits), inv.timeline, inv.graph]);

describe('investigating the workshop incident (real OpenSearch)', () => {
  let host: TestHost;
  let facts: Facts;
  let iam: Investigation;

  beforeAll(async () => {
    host = await startTestHost('investigate');
    ({ facts } = await loadScenario(host.opensearch, host.prefix, { noise: 3000 }));
    const r = await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: facts.iamFinding });
    expect(r.status).toBe(200);
    iam = r.body;
  });
  afterAll(() => host?.cleanup());

  it('names the role, the instance, the stolen key and both attacker addresses', () => {
    const values = (type: string) => iam.entities.filter((e) => e.type === type).map((e) => e.value);
    expect(values('role')).toContain(S.ROLE_NAME);
    expect(values('instance')).toContain(S.INSTANCE_ID);
    expect(values('access_key')).toContain(S.ACCESS_KEY_ID);
    const remote = iam.entities.filter((e) => e.type === 'ip' && e.role === 'remote').map((e) => e.value);
    // The EIP comes from the finding; the private brute-force address from the SSH finding on the same instance.
    expect(remote).toEqual(expect.arrayContaining(['54.190.10.20', '10.0.1.214']));
  });

  it('finds the config.py downloads and the PutBucketAcl that exposed the bucket', () => {
    const objects = group(iam, 'cloudtrail.object_access')!;
    expect(objects.hits.map((h) => refKey(h.ref))).toContain(refKey(facts.firstGetObject));
    expect(objects.facets.find((f) => f.field === 'requestParameters.key')!.buckets[0]).toEqual({ value: 'config.py', count: facts.counts.configPyGetObjects });
    const perms = group(iam, 'cloudtrail.bucket_permissions')!;
    expect(perms.hits.map((h) => refKey(h.ref))).toContain(refKey(facts.putBucketAcl));
  });

  it('orders PutBucketAcl (10:21:19) before the first GetObject of config.py (10:24:03) on the timeline', () => {
    const acl = iam.timeline.findIndex((e) => refKey(e.ref) === refKey(facts.putBucketAcl));
    const get = iam.timeline.findIndex((e) => refKey(e.ref) === refKey(facts.firstGetObject));
    expect(acl).toBeGreaterThanOrEqual(0);
    expect(get).toBeGreaterThan(acl);
    expect(iam.timeline[acl].timestamp).toMatch(/T10:21:19/);
    expect(iam.timeline[get].timestamp).toMatch(/T10:24:03/);
    const times = iam.timeline.map((e) => Date.parse(e.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('shows the brute force, mostly as root, and the successful login as alice', () => {
    const attempts = group(iam, 'linux_secure.ssh_from_attacker')!;
    const failed = attempts.facets.find((f) => f.label === 'User name (failed logins)')!.buckets;
    expect(failed[0]).toEqual({ value: 'root', count: facts.counts.attackerSshFailuresRoot });
    const outcomes = attempts.facets.find((f) => f.field === 'event.outcome')!.buckets;
    expect(outcomes.find((b) => b.value === 'failure')!.count).toBe(facts.counts.attackerSshFailures);
    expect(facts.counts.attackerSshFailuresRoot / facts.counts.attackerSshFailures).toBeGreaterThan(0.5);
    const success = group(iam, 'linux_secure.ssh_success')!;
    expect(success.hits.map((h) => refKey(h.ref))).toContain(refKey(facts.aliceLogin));
    expect(new Set(success.hits.map((h) => h.fields['user.name']))).toEqual(new Set(['alice']));
    const alice = iam.timeline.find((e) => refKey(e.ref) === refKey(facts.aliceLogin))!;
    expect(alice.outcome).toBe('success');
  });

  it('brings the Inspector SSH findings of the instance and the Macie finding of the bucket', () => {
    const inspector = group(iam, 'securityhub.inspector')!;
    const inspectorRefs = inspector.hits.map((h) => refKey(h.ref));
    for (const r of facts.inspectorSsh) expect(inspectorRefs).toContain(refKey(r));
    const macie = group(iam, 'securityhub.macie')!;
    expect(macie.hits.map((h) => refKey(h.ref))).toContain(refKey(facts.macieBucket));
  });

  it('does not present noise as related', () => {
    const text = allValues(iam);
    for (const v of [...facts.noise.principals, ...facts.noise.accessKeys, ...facts.noise.ips, ...facts.noise.instances, ...facts.noise.buckets]) {
      expect({ noise: v, found: text.includes(`"${v}"`) }).toEqual({ noise: v, found: false });
    }
  });

  it('tells the story with sentences that cite evidence groups present in the answer', () => {
    const text = iam.story.map((s) => s.text).join(' ');
    expect(text).toContain('alice');
    expect(text).toContain('config.py');
    expect(text).toMatch(/PutBucketAcl at \S+ 10:21:19 UTC granting read access to everyone/);
    // Wrong passwords and unknown accounts apart ("Invalid user" lines are not failed passwords).
    expect(facts.counts.attackerSshInvalidUsers).toBeGreaterThan(0);
    expect(text).toContain(`made ${facts.counts.attackerSshFailedPasswords} failed SSH logins`);
    expect(text).toContain(`${facts.counts.attackerSshInvalidUsers} attempts named an account that does not exist`);
    const ids = new Set(iam.evidence.map((g) => g.id));
    for (const s of iam.story) for (const id of s.evidence) expect(ids).toContain(id);
    expect(iam.story.filter((s) => s.evidence.length === 0).every((s) => /no data/.test(s.text))).toBe(true);
  });

  it('tells what the stolen credentials created (the boot script\'s CreateUser Superman and Batman) after the workshop\'s own sentences, and asks the next hop, which finds nothing', () => {
    const created = group(iam, 'cloudtrail.created_credentials')!;
    expect(created.hits.map((h) => h.fields['requestParameters.userName'] ?? (h as any).fields['user.name'])).toHaveLength(2);
    const i = iam.story.findIndex((s) => s.evidence.includes('cloudtrail.created_credentials'));
    expect(iam.story[i].text).toMatch(new RegExp(`^Key ${S.ACCESS_KEY_ID} \\(${S.INSTANCE_ID}\\) created or handed out: CreateUser Superman at \\S+ 10:20:41 UTC and CreateUser Batman at \\S+ 10:20:43 UTC, from ${S.INSTANCE_PUBLIC_IP.replace(/\./g, '\\.')}\\.$`));
    // Only the coverage lines come after it: every sentence of the workshop story keeps its place.
    expect(iam.story.slice(i + 1).every((s) => s.evidence.length === 0)).toBe(true);
    expect(iam.story.filter((s) => /created or handed out|new credentials were then used|sign-in|was called at/.test(s.text))).toHaveLength(1);
    expect(iam.checks.find((c) => c.rule === 'cloudtrail.created_activity')).toMatchObject({ state: 'nothing_found' });
    expect(iam.checks.find((c) => c.rule === 'cloudtrail.key_origin')).toMatchObject({ state: 'nothing_found' });
  });

  it('shows the whole SSH brute force on the timeline: first and last attempt and the count, not the first 50 lines', () => {
    const run = iam.timeline.find((e) => e.source === 'linux_secure' && e.action === 'sshd failed logins')!;
    expect(group(iam, 'linux_secure.ssh_from_attacker')!.hits.length).toBeLessThan(facts.counts.attackerSshFailures);
    expect(Date.parse(run.timestamp)).toBe(Date.parse(facts.timestamps.firstSshFailure));
    expect(Date.parse(run.lastTimestamp!)).toBe(Date.parse(facts.timestamps.lastSshFailure));
    expect(run.count).toBe(facts.counts.attackerSshFailedPasswords);
    expect(run.partial).toBeUndefined();
    expect(run.summary).toMatch(new RegExp(`^${facts.counts.attackerSshFailedPasswords} failed logins as root ×${facts.counts.attackerSshFailuresRoot}`));
    expect(iam.timeline.filter((e) => e.action === 'sshd failed logins')).toHaveLength(1);
  });

  it('says why each entity is in the investigation: which rule, which document', () => {
    const key = iam.entities.find((e) => e.type === 'access_key' && e.value === S.ACCESS_KEY_ID)!;
    expect(key.refs?.finding).toEqual(facts.iamFinding);
    const bucket = iam.entities.find((e) => e.type === 'bucket' && e.value === facts.entities.dataBucket)!;
    const rule = bucket.sources.find((s) => s.startsWith('cloudtrail.'))!;
    expect(rule).toBeDefined();
    expect(bucket.refs?.[rule]?.index).toMatch(/log-aws-cloudtrail-/);
    const inEvidence = iam.evidence.find((g) => g.id === rule)!.hits.map((h) => h.ref.id);
    expect(inEvidence).toContain(bucket.refs![rule].id);
  });

  it('needs at most two round trips and reports data in every workshop source; the sources the workshop has no logs of are absent', () => {
    expect(iam.took.roundTrips).toBeLessThanOrEqual(2);
    // Coverage lists every source the plugin knows (WAF, ELB, Network Firewall and Config since they became sources).
    expect(iam.coverage.map((c) => c.source).sort()).toEqual(['cloudtrail', 'config', 'elb', 'guardduty', 'linux_os', 'linux_secure', 'networkfirewall', 'r53resolver', 's3accesslog', 'securityhub', 'vpcflowlogs', 'waf', 'windows_event']);
    const workshop = iam.coverage.filter((c) => ['guardduty', 'cloudtrail', 'linux_secure', 'securityhub'].includes(c.source));
    for (const c of workshop) expect(c.docsInWindow).toBeGreaterThan(0);
    for (const c of iam.coverage.filter((x) => !workshop.includes(x))) expect(c).toMatchObject({ absent: true, docsInWindow: 0 });
    // The IAM playbook asks the flow logs, the OS syslog and the S3 server access logs (absent: said once
    // each, at the end of the story, after every sentence of the workshop), never Route 53 Resolver or Windows.
    expect(iam.story.filter((s) => /VPC Flow Logs/.test(s.text))).toEqual([expect.objectContaining({ text: expect.stringMatching(/^No VPC Flow Logs index matches .*\(no data\)\.$/) })]);
    expect(iam.story.some((s) => /Route 53|Windows|WAF|Load Balancing|Network Firewall|AWS Config/.test(s.text))).toBe(false);
    expect(iam.story.slice(-3).map((s) => s.text.replace(/ index matches .*$/, ''))).toEqual(['No VPC Flow Logs', 'No S3 server access logs', 'No Linux OS syslog']);
  });

  it('connects the entities in the graph', () => {
    const has = (from: string, to: string, relation?: string) =>
      iam.graph.edges.some((e) => e.from === from && e.to === to && (!relation || e.relation === relation));
    expect(has(`role:${S.ROLE_NAME}`, `access_key:${S.ACCESS_KEY_ID}`, 'issued')).toBe(true);
    expect(has(`ip:10.0.1.214`, 'user:alice', 'logged in as')).toBe(true);
    expect(iam.graph.edges.some((e) => e.from === `access_key:${S.ACCESS_KEY_ID}` && e.to.endsWith('/config.py'))).toBe(true);
    const ids = new Set(iam.graph.nodes.map((n) => n.id));
    for (const e of iam.graph.edges) {
      expect(ids.has(e.from)).toBe(true);
      expect(ids.has(e.to)).toBe(true);
    }
  });

  it('uses the newest update of the finding when an older one is opened', async () => {
    // GuardDuty wrote one document per count update; `_1` saw the activity only until its first report.
    const older = { index: facts.iamFinding.index, id: facts.iamFinding.id.replace(/_\d+$/, '_1') };
    const r = await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: older, window: { before: '1h', after: '1m' } });
    expect(r.status).toBe(200);
    expect(r.body.finding).toMatchObject({ ref: older, count: 9, lastSeen: iam.finding.lastSeen });
    expect(r.body.window.to).toBe(new Date(Date.parse(iam.finding.lastSeen!) + 60_000).toISOString());
    expect(r.body.took.roundTrips).toBe(2);
    // GetObject calls after the first report are inside the window.
    const reads = group(r.body, 'cloudtrail.object_access')!;
    const lastRead = Math.max(...reads.hits.map((h) => Date.parse(h.timestamp)));
    expect(lastRead).toBeGreaterThan(Date.parse(facts.timestamps.firstGetObject) + 10 * 60_000);
  });

  it('answers the SSH brute-force finding with the login that succeeded and the SSH weaknesses', async () => {
    const r = await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: facts.sshBruteForceFinding });
    expect(r.status).toBe(200);
    const story = r.body.story.map((s) => s.text).join(' ');
    expect(story).toMatch(/succeeded: 10\.0\.1\.214 logged in as "alice"/);
    expect(story).toMatch(/Inspector reports SSH weaknesses/);
    expect(group(r.body, 'linux_secure.ssh_success')!.hits.length).toBeGreaterThan(0);
  });
});
