/**
 * VPC Flow Logs and Route 53 Resolver query logs as evidence sources, on a real OpenSearch: the
 * documents are in es-loader's form (test/fixtures/network_dns.ts), the findings come from the
 * GuardDuty corpus (a DNS finding) and the workshop scenario (the SSH brute force on the instance).
 */
import { Investigation } from '../../common/types';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { buildCorpus, corpusDocs } from '../fixtures/guardduty_corpus/generate';
import { flowLogDoc, resolverQueryDoc } from '../fixtures/network_dns';
import { SEC } from '../fixtures/es_loader';
import { loadScenario, startTestHost, TestHost } from './helpers';

jest.setTimeout(120_000);

const check = (inv: Investigation, rule: string) => inv.checks.find((c) => c.rule === rule);
const group = (inv: Investigation, id: string) => inv.evidence.find((g) => g.id === id);
const facet = (inv: Investigation, id: string, label: string) => group(inv, id)?.facets.find((f) => f.label === label)?.buckets ?? [];

describe('Route 53 Resolver: which instances queried the domain of a DNS finding', () => {
  let host: TestHost;
  const corpus = buildCorpus();
  const finding = corpus.find((f) => f.type === 'Backdoor:EC2/C&CActivity.B!DNS')!;
  const domain = finding.expected.find((e) => e.type === 'domain')!.value;
  const instance = finding.expected.find((e) => e.type === 'instance')!.value;
  const other = 'i-0aaaabbbbccccdddd';
  const bystander = 'i-0eeeeffff00001111';
  let ref: { index: string; id: string };
  let before: Investigation;
  let after: Investigation;

  beforeAll(async () => {
    host = await startTestHost('r53');
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    const doc = corpusDocs([finding], 'current', host.prefix)[0];
    ref = { index: doc._index, id: doc._id };
    await loadDocuments(host.opensearch, [doc], { refresh: true });
    // No flow log or resolver index yet: these sources are absent.
    before = (await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: ref })).body;

    const seen = Date.parse(finding.raw.service.eventLastSeen ?? finding.raw.updatedAt) * 1000;
    const o = { accountId: finding.raw.accountId, region: finding.raw.region, indexPrefix: host.prefix };
    const q = (minutes: number, instanceId: string, srcaddr: string, queryName: string, queryType = 'A') =>
      resolverQueryDoc({ t: seen - minutes * 60 * SEC, instanceId, srcaddr, queryName, queryType, answer: '198.51.100.77' }, o);
    await loadDocuments(
      host.opensearch,
      [
        q(30, instance, '10.0.0.15', `${domain}.`),
        q(20, instance, '10.0.0.15', `${domain}.`, 'TXT'),
        q(10, other, '10.0.3.40', `${domain}.`),
        q(25, instance, '10.0.0.15', 'updates.example.org.'),
        // Noise: another instance resolving a name that merely contains the domain.
        q(15, bystander, '10.0.9.9', `not-${domain}.`),
        q(15, bystander, '10.0.9.9', 'www.example.com.'),
        // The flow log index exists, with nothing about this finding.
        flowLogDoc({ end: seen, srcaddr: '10.0.9.9', dstaddr: '203.0.113.250', srcport: 41000, dstport: 443, packets: 3, bytes: 900, action: 'ACCEPT', instanceId: bystander, direction: 'egress' }, o),
      ],
      { refresh: true }
    );
    after = (await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: ref })).body;
  });
  afterAll(() => host?.cleanup());

  it('asks the DNS playbook, and says the sources are absent where no index exists (never an error)', () => {
    expect(before.playbook.id).toBe('dns');
    expect(before.coverage.find((c) => c.source === 'r53resolver')).toMatchObject({ absent: true, docsInWindow: 0 });
    expect(before.coverage.find((c) => c.source === 'vpcflowlogs')).toMatchObject({ absent: true, docsInWindow: 0 });
    expect(check(before, 'r53resolver.domain_queries')).toMatchObject({ state: 'nothing_found', reason: `no index matches ${host.prefix}log-aws-r53resolver-*` });
    expect(check(before, 'vpcflowlogs.remote_traffic')?.reason ?? '').not.toMatch(/error|failed/i);
  });

  it('finds every instance that queried the domain, and no other name', () => {
    expect(after.coverage.find((c) => c.source === 'r53resolver')!.absent).toBeUndefined();
    expect(check(after, 'r53resolver.domain_queries')).toMatchObject({ state: 'found', total: 3 });
    const instances = facet(after, 'r53resolver.domain_queries', 'Querying instance');
    expect(instances).toEqual([
      { value: instance, count: 2 },
      { value: other, count: 1 },
    ]);
    expect(facet(after, 'r53resolver.domain_queries', 'Query type').map((b) => b.value).sort()).toEqual(['A', 'TXT']);
    expect(after.entities.some((e) => e.type === 'instance' && e.value === other)).toBe(true);
    expect(after.entities.some((e) => e.type === 'instance' && e.value === bystander)).toBe(false);
  });

  it('says why the flow logs hold nothing for this finding once their index exists', () => {
    expect(after.coverage.find((c) => c.source === 'vpcflowlogs')).toMatchObject({ docsInWindow: 1 });
    const c = check(after, 'vpcflowlogs.remote_traffic')!;
    expect(c.state).not.toBe('found');
    expect(c.reason).toBeTruthy();
    expect(c.reason).not.toMatch(/no index matches/);
    expect(group(after, 'vpcflowlogs.remote_traffic')?.hits ?? []).toEqual([]);
  });

  it('tells who queried the domain and what else the instance resolved', () => {
    const text = after.story.map((s) => s.text).join(' ');
    expect(text).toContain(`3 DNS queries for ${domain} came from ${instance} (2) and ${other} (1)`);
    expect(text).toContain('updates.example.org (1)');
    const names = facet(after, 'r53resolver.instance_queries', 'Query name').map((b) => b.value);
    expect(names).toEqual(expect.arrayContaining([domain, 'updates.example.org']));
    expect(names).not.toContain('www.example.com');
    expect(after.timeline.some((e) => e.source === 'r53resolver' && e.summary.includes(domain))).toBe(true);
    expect(after.graph.edges.some((e) => e.relation === 'queried' && e.from === `instance:${other}` && e.to === `domain:${domain}`)).toBe(true);
  });
});

describe('VPC Flow Logs: did the instance talk to the attacker, and how much left', () => {
  let host: TestHost;
  let inv: Investigation;
  let facts: Awaited<ReturnType<typeof loadScenario>>['facts'];
  const ACCEPTED_OUT = [120_000, 2_500_000];
  const ACCEPTED_IN = [4_000];

  beforeAll(async () => {
    host = await startTestHost('vpcflow');
    ({ facts } = await loadScenario(host.opensearch, host.prefix, { noise: 200 }));
    const first = await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: facts.sshBruteForceFinding });
    const attacker = first.body.entities.find((e) => e.type === 'ip' && e.role === 'remote')!.value;
    const inst = facts.entities.instanceId;
    const local = facts.entities.instancePrivateIp;
    const base = Date.parse(first.body.finding.timestamp) * 1000;
    const o = { accountId: facts.entities.accountId, region: 'us-east-1', indexPrefix: host.prefix };
    const flow = (minutes: number, f: Partial<Parameters<typeof flowLogDoc>[0]>) =>
      flowLogDoc({ end: base + minutes * 60 * SEC, srcaddr: local, dstaddr: attacker, srcport: 40000 + minutes, dstport: 443, packets: 10, bytes: 1000, action: 'ACCEPT', instanceId: inst, direction: 'egress', ...f }, o);
    await loadDocuments(
      host.opensearch,
      [
        flow(1, { bytes: ACCEPTED_OUT[0] }),
        flow(2, { bytes: ACCEPTED_OUT[1] }),
        flow(3, { srcaddr: attacker, dstaddr: local, srcport: 51515, dstport: 22, bytes: ACCEPTED_IN[0], direction: 'ingress' }),
        flow(4, { srcaddr: attacker, dstaddr: local, srcport: 51516, dstport: 3389, bytes: 60, action: 'REJECT', direction: 'ingress' }),
        // Noise: the instance talking to someone else.
        flow(5, { dstaddr: '203.0.113.250', bytes: 9_999_999 }),
      ],
      { refresh: true }
    );
    inv = (await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: facts.sshBruteForceFinding })).body;
    (inv as any).attacker = attacker;
  });
  afterAll(() => host?.cleanup());

  it('finds the flow records with the attacker, their actions, ports and bytes', () => {
    expect(inv.playbook.id).toBe('ec2');
    expect(check(inv, 'vpcflowlogs.remote_traffic')).toMatchObject({ state: 'found', total: 4 });
    const actions = facet(inv, 'vpcflowlogs.remote_traffic', 'Action');
    expect(actions).toEqual([
      { value: 'ACCEPT', count: 3, sum: ACCEPTED_OUT[0] + ACCEPTED_OUT[1] + ACCEPTED_IN[0] },
      { value: 'REJECT', count: 1, sum: 60 },
    ]);
    expect(facet(inv, 'vpcflowlogs.remote_traffic', 'Destination port').map((b) => b.value).sort()).toEqual(['22', '3389', '443']);
    const hits = group(inv, 'vpcflowlogs.remote_traffic')!.hits;
    expect(hits.some((h) => h.fields['destination.ip'] === '203.0.113.250')).toBe(false);
  });

  it('says how many flows were accepted and rejected and how much left for the attacker', () => {
    const text = inv.story.map((s) => s.text).join(' ');
    expect(text).toContain(`VPC Flow Logs hold 4 flow records with the remote addresses (${facts.entities.instanceId}): 3 accepted, 1 rejected`);
    expect(text).toContain('2.6 MB in all, 2.6 MB of them sent to the remote addresses');
    const attacker = (inv as any).attacker as string;
    expect(inv.graph.edges.some((e) => e.from === `instance:${facts.entities.instanceId}` && e.to === `ip:${attacker}` && e.relation === 'flow to port 443')).toBe(true);
    expect(inv.graph.edges.some((e) => e.from === `ip:${attacker}` && e.relation === 'rejected flow to port 3389')).toBe(true);
  });

  it('answers the same question for the IAM finding, whose investigation knows the addresses of the attacker too', async () => {
    const r = await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: facts.iamFinding });
    expect(r.body.playbook.id).toBe('iam');
    expect(check(r.body, 'vpcflowlogs.remote_traffic')).toMatchObject({ state: 'found', total: 4 });
    // The flow group comes right after the workshop's own groups.
    const ids = r.body.evidence.map((g) => g.id);
    expect(ids[ids.indexOf('securityhub.macie') + 1]).toBe('vpcflowlogs.remote_traffic');
  });

  it('keeps the workshop sources first: the new groups come after the first release evidence', () => {
    const ids = inv.evidence.map((g) => g.id);
    const at = ids.indexOf('vpcflowlogs.remote_traffic');
    expect(at).toBe(ids.indexOf('securityhub.macie') + 1);
    // (an EC2 finding: the web front and AWS Config come last)
    expect(ids.slice(at + 1).every((id) => /^(linux_os|linux_secure\.privilege_use|s3accesslog|securityhub\.(controls|package_vulnerabilities)|waf\.|elb\.|networkfirewall\.|config\.)/.test(id))).toBe(true);
    expect(inv.took.roundTrips).toBeLessThanOrEqual(2);
  });
});
