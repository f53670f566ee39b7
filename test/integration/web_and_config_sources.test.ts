/**
 * AWS WAF, the load balancers' access logs, AWS Network Firewall and AWS Config as evidence sources,
 * on a real OpenSearch: documents in es-loader's form (test/fixtures/web_and_config_sources.ts),
 * findings from the GuardDuty corpus (a Tor caller on an EC2 instance, a bucket opened to anonymous
 * readers). Each source: absent (a coverage line), present without the incident's documents
 * (nothing found; look-alike addresses and resources stay out), and present with them.
 */
import { Investigation } from '../../common/types';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { buildCorpus, corpusDocs } from '../fixtures/guardduty_corpus/generate';
import { SEC } from '../fixtures/es_loader';
import { inspectorV2ImageDoc } from '../fixtures/host_and_data_sources';
import { albLogDoc, configItemDoc, networkFirewallDoc, wafLogDoc } from '../fixtures/web_and_config_sources';
import { startTestHost, TestHost } from './helpers';

jest.setTimeout(180_000);

const check = (inv: Investigation, rule: string) => inv.checks.find((c) => c.rule === rule);
const group = (inv: Investigation, id: string) => inv.evidence.find((g) => g.id === id);
const facet = (inv: Investigation, id: string, label: string) => group(inv, id)?.facets.find((f) => f.label === label)?.buckets ?? [];
const storyText = (inv: Investigation) => inv.story.map((s) => s.text).join(' ');

async function investigate(host: TestHost, ref: { index: string; id: string }): Promise<Investigation> {
  const r = await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: ref });
  expect(r.status).toBe(200);
  return r.body;
}

const WEB_RULES = ['waf.remote_requests', 'elb.remote_requests', 'networkfirewall.remote_traffic'];
const NEW_SOURCES = ['waf', 'elb', 'networkfirewall', 'config'] as const;

describe('the web front (WAF, load balancer, Network Firewall) and AWS Config for an EC2 finding with a remote address', () => {
  let host: TestHost;
  const corpus = buildCorpus();
  const finding = corpus.find((f) => f.type === 'UnauthorizedAccess:EC2/TorIPCaller')!;
  const instance = finding.expected.find((e) => e.type === 'instance')!.value;
  const attacker = finding.expected.find((e) => e.type === 'ip' && e.role === 'remote')!.value; // 203.0.113.221
  const local = finding.expected.find((e) => e.type === 'ip' && e.role === 'local')!.value;
  const last = attacker.split('.').pop()!;
  // Addresses that share a prefix with the attacker's (203.0.113.22 and 203.0.113.2 for 203.0.113.221).
  const lookAlikes = [last.slice(0, -1), last.slice(0, -2)].map((o) => attacker.replace(/\d+$/, o));
  const otherInstance = `${instance.slice(0, -1)}${instance.endsWith('d') ? 'e' : 'd'}`;
  const sg = 'sg-0a11b22c33d44e55f';
  let ref: { index: string; id: string };
  let absent: Investigation;
  let empty: Investigation;
  let found: Investigation;

  beforeAll(async () => {
    host = await startTestHost('webcfg');
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    const doc = corpusDocs([finding], 'current', host.prefix)[0];
    ref = { index: doc._index, id: doc._id };
    await loadDocuments(host.opensearch, [doc], { refresh: true });
    absent = await investigate(host, ref);

    const seen = Date.parse(finding.raw.service.eventLastSeen ?? finding.raw.updatedAt) * 1000;
    const at = (minutes: number) => seen - minutes * 60 * SEC;
    const o = { accountId: finding.raw.accountId, region: finding.raw.region, indexPrefix: host.prefix };
    // Every index exists, with look-alike addresses and other resources only.
    const noise = [
      ...lookAlikes.flatMap((ip, i) => [
        wafLogDoc({ t: at(30 + i), clientIp: ip, action: 'BLOCK', terminatingRuleId: 'AWS-AWSManagedRulesSQLiRuleSet', uri: '/login' }, o),
        albLogDoc({ t: at(30 + i), clientIp: ip, targetIp: local, status: 200, path: '/' }, o),
        networkFirewallDoc({ t: at(30 + i), kind: 'netflow', srcIp: ip, srcPort: 40000, destIp: local, destPort: 443 }, o),
      ]),
      // Another instance's security group open to the world; the VPC's item names our instance (left out by type).
      configItemDoc({ kind: 'securityGroup', t: at(20), stateId: 1, groupId: 'sg-0ffffeeeeddddcccc', groupName: 'other', vpcId: 'vpc-0a1b2c3d4e5f60718', instances: [otherInstance], ingress: [{ protocol: 'tcp', fromPort: 22, cidrs: ['0.0.0.0/0'] }] }, o),
      configItemDoc({ kind: 'instance', t: at(20), stateId: 2, instanceId: otherInstance, privateIp: '10.11.99.10', securityGroups: ['sg-0ffffeeeeddddcccc'], state: 'running' }, o),
    ];
    await loadDocuments(host.opensearch, noise, { refresh: true });
    empty = await investigate(host, ref);

    const attack = [
      // WAF: 3 SQL injection attempts blocked, 2 requests allowed.
      ...[0, 1, 2].map((i) => wafLogDoc({ t: at(40 - i), clientIp: attacker, action: 'BLOCK', terminatingRuleId: 'AWS-AWSManagedRulesSQLiRuleSet', uri: '/login', args: `id=1'OR'1'='1${i}` }, o)),
      wafLogDoc({ t: at(36), clientIp: attacker, action: 'ALLOW', uri: '/' }, o),
      wafLogDoc({ t: at(35), clientIp: attacker, action: 'ALLOW', uri: '/admin' }, o),
      // ALB: the blocked ones answered 403 by WAF, two passed to the instance.
      ...[0, 1, 2].map((i) => albLogDoc({ t: at(40 - i), clientIp: attacker, targetIp: local, status: 403, path: '/login', blockedByWaf: true, sentBytes: 200 }, o)),
      albLogDoc({ t: at(36), clientIp: attacker, targetIp: local, status: 200, path: '/', sentBytes: 5000 }, o),
      albLogDoc({ t: at(35), clientIp: attacker, targetIp: local, status: 404, path: '/admin', sentBytes: 300 }, o),
      // Network Firewall: an alert it blocked, another it let through, and a flow to the attacker.
      networkFirewallDoc({ t: at(33), kind: 'alert', srcIp: attacker, srcPort: 51515, destIp: local, destPort: 22, action: 'blocked', signature: 'ET TOR Known Tor Relay/Router', signatureId: 2522000 }, o),
      networkFirewallDoc({ t: at(32), kind: 'alert', srcIp: local, srcPort: 40001, destIp: attacker, destPort: 9001, action: 'allowed', signature: 'ET TOR Known Tor Relay/Router', signatureId: 2522001 }, o),
      networkFirewallDoc({ t: at(31), kind: 'netflow', srcIp: local, srcPort: 40001, destIp: attacker, destPort: 9001, bytes: 250_000, packets: 400 }, o),
      // AWS Config: the instance's security group opened to the world two days before, and the instance itself.
      configItemDoc({ kind: 'securityGroup', t: at(2 * 24 * 60), stateId: 10, groupId: sg, groupName: 'tor-web', vpcId: 'vpc-0a1b2c3d4e5f60718', instances: [instance], ingress: [{ protocol: 'tcp', fromPort: 22, cidrs: ['0.0.0.0/0', '::/0'] }, { protocol: 'tcp', fromPort: 80, cidrs: ['10.0.0.0/8'] }] }, o),
      configItemDoc({ kind: 'instance', t: at(60), stateId: 11, instanceId: instance, privateIp: local, securityGroups: [sg], state: 'running' }, o),
      // Beyond the week looked back: not shown.
      configItemDoc({ kind: 'securityGroup', t: at(10 * 24 * 60), stateId: 9, groupId: sg, groupName: 'tor-web', vpcId: 'vpc-0a1b2c3d4e5f60718', instances: [instance], ingress: [{ protocol: 'tcp', fromPort: 80, cidrs: ['10.0.0.0/8'] }] }, o),
    ];
    await loadDocuments(host.opensearch, attack, { refresh: true });
    found = await investigate(host, ref);
  });
  afterAll(() => host?.cleanup());

  it('asks the EC2 playbook; without the indices each source is absent: a coverage line and a story line, never an error', () => {
    expect(absent.playbook.id).toBe('ec2');
    for (const s of NEW_SOURCES) expect(absent.coverage.find((c) => c.source === s)).toMatchObject({ absent: true, docsInWindow: 0 });
    for (const rule of [...WEB_RULES, 'config.resource_changes']) {
      expect(check(absent, rule)).toMatchObject({ state: 'nothing_found', reason: expect.stringMatching(/^no index matches /) });
    }
    const text = storyText(absent);
    for (const label of ['AWS WAF logs', 'Elastic Load Balancing access logs', 'AWS Network Firewall logs', 'AWS Config']) expect(text).toContain(`No ${label} index matches`);
    expect(absent.took.roundTrips).toBeLessThanOrEqual(2);
  });

  it('with the indices but only look-alike addresses and other resources: nothing found, for a reason other than absence', () => {
    for (const s of NEW_SOURCES) expect(empty.coverage.find((c) => c.source === s)!.absent).toBeUndefined();
    for (const rule of [...WEB_RULES, 'config.resource_changes']) {
      const c = check(empty, rule)!;
      expect(c.state).toBe('nothing_found');
      expect(c.reason).not.toMatch(/no index matches/);
    }
    expect(storyText(empty)).not.toMatch(/AWS WAF logged|load balancers .* logged|Network Firewall .*logged|AWS Config recorded/);
  });

  it('WAF: the attacker\'s requests, allowed and blocked, the rule that blocked them and the URIs; no look-alike address', () => {
    expect(check(found, 'waf.remote_requests')).toMatchObject({ state: 'found', total: 5 });
    expect(facet(found, 'waf.remote_requests', 'Action')).toEqual([
      { value: 'BLOCK', count: 3 },
      { value: 'ALLOW', count: 2 },
    ]);
    expect(new Set(group(found, 'waf.remote_requests')!.hits.map((h) => h.fields['source.ip']))).toEqual(new Set([attacker]));
    expect(storyText(found)).toContain(
      `AWS WAF logged 5 requests from ${attacker} (acme-web-acl): 2 allowed, 3 blocked; rules: AWS-AWSManagedRulesSQLiRuleSet ×3 and Default_Action ×2; URIs: /login ×3, / ×1 and /admin ×1.`
    );
  });

  it('the load balancer: status codes, bytes sent back, the target it passed requests to', () => {
    expect(check(found, 'elb.remote_requests')).toMatchObject({ state: 'found', total: 5 });
    expect(facet(found, 'elb.remote_requests', 'Status code')).toEqual([
      { value: '403', count: 3, sum: 600 },
      { value: '200', count: 1, sum: 5000 },
      { value: '404', count: 1, sum: 300 },
    ]);
    expect(storyText(found)).toContain(
      `The load balancers (app/acme-web-alb/50dc6c495c0c9188) logged 5 requests from ${attacker}: status 403 ×3, 200 ×1 and 404 ×1; 5.9 KB sent to them, passed to ${local}; paths: /login ×3, / ×1 and /admin ×1.`
    );
    expect(found.graph.edges.some((e) => e.from === `ip:${attacker}` && e.to === `ip:${local}` && e.relation === 'HTTP via load balancer')).toBe(true);
  });

  it('Network Firewall: alerts blocked and allowed, the flow to the attacker with its bytes, both directions', () => {
    expect(check(found, 'networkfirewall.remote_traffic')).toMatchObject({ state: 'found', total: 3 });
    expect(storyText(found)).toContain(
      `AWS Network Firewall (acme-egress-firewall) logged 2 alerts (1 blocked, 1 allowed): ET TOR Known Tor Relay/Router ×2 and 1 flow (250 KB) with the remote addresses, to port 9001 and 22.`
    );
    expect(found.timeline.some((e) => e.source === 'networkfirewall' && e.action === 'Network Firewall alert blocked' && e.outcome === 'failure')).toBe(true);
  });

  it('AWS Config: the security group of the instance opened to the world two days before, and the instance; not the VPC, not other instances, not older than a week', () => {
    expect(check(found, 'config.resource_changes')).toMatchObject({ state: 'found', total: 2 });
    const ids = group(found, 'config.resource_changes')!.hits.map((h) => h.fields.resourceId);
    expect(ids).toEqual([sg, instance]);
    expect(storyText(found)).toMatch(
      new RegExp(`AWS Config recorded 2 configuration items of the affected resources \\(${instance} ×1 and ${sg} ×1\\): security group ${sg} \\(tor-web\\) allowed ingress from 0\\.0\\.0\\.0/0 and ::/0 at \\S+ \\S+ UTC \\(its ingress rules: ports 22 and 80\\)\\.`)
    );
    const sgEntry = found.timeline.find((e) => e.source === 'config' && e.summary.startsWith('AWS::EC2::SecurityGroup'))!;
    expect(sgEntry).toMatchObject({ action: 'Config: configuration changed', summary: `AWS::EC2::SecurityGroup ${sg} (tor-web): ingress open to 0.0.0.0/0, ::/0 (its ingress rules: ports 22, 80)` });
  });

  it('stays within two round trips with the four new sources asked', () => {
    for (const inv of [absent, empty, found]) expect(inv.took.roundTrips).toBeLessThanOrEqual(2);
    expect(found.checks.filter((c) => [...WEB_RULES, 'config.resource_changes'].includes(c.rule)).every((c) => c.state === 'found')).toBe(true);
  });
});

describe('AWS Config for an S3 finding: who opened the bucket, and the bucket\'s own history', () => {
  let host: TestHost;
  const corpus = buildCorpus();
  const finding = corpus.find((f) => f.type === 'Policy:S3/BucketAnonymousAccessGranted')!;
  const bucket = finding.expected.find((e) => e.type === 'bucket')!.value;
  let ref: { index: string; id: string };
  let empty: Investigation;
  let found: Investigation;

  beforeAll(async () => {
    host = await startTestHost('cfgs3');
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    const doc = corpusDocs([finding], 'current', host.prefix)[0];
    ref = { index: doc._index, id: doc._id };
    const seen = Date.parse(finding.raw.service.eventLastSeen ?? finding.raw.updatedAt) * 1000;
    const at = (minutes: number) => seen - minutes * 60 * SEC;
    const o = { accountId: finding.raw.accountId, region: finding.raw.region, indexPrefix: host.prefix };
    const everyone = (b: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${b}/*` }] });
    // A look-alike bucket made public, and the bucket's policy for one partner account only.
    await loadDocuments(
      host.opensearch,
      [
        doc,
        configItemDoc({ kind: 'bucket', t: at(30), stateId: 1, bucket: `${bucket}-logs`, policy: everyone(`${bucket}-logs`) }, o),
        configItemDoc({ kind: 'bucket', t: at(300), stateId: 2, bucket, policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] } }, o),
      ],
      { refresh: true }
    );
    empty = await investigate(host, ref);
    await loadDocuments(
      host.opensearch,
      [configItemDoc({ kind: 'bucket', t: at(5), stateId: 3, bucket, policy: everyone(bucket), publicAccessBlock: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false } }, o)],
      { refresh: true }
    );
    found = await investigate(host, ref);
  });
  afterAll(() => host?.cleanup());

  it('a policy for a partner account is history, not exposure; the look-alike bucket stays out', () => {
    expect(empty.playbook.id).toBe('s3');
    expect(check(empty, 'config.resource_changes')).toMatchObject({ state: 'found', total: 1 });
    expect(group(empty, 'config.resource_changes')!.hits.map((h) => h.fields.resourceId)).toEqual([bucket]);
    expect(storyText(empty)).toContain(`AWS Config recorded 1 configuration item of the affected resources (${bucket} ×1).`);
    expect(storyText(empty)).not.toContain(`${bucket}-logs`);
  });

  it('the policy that allows everyone, when it was recorded', () => {
    expect(check(found, 'config.resource_changes')).toMatchObject({ state: 'found', total: 2 });
    expect(storyText(found)).toMatch(new RegExp(`AWS Config recorded 2 configuration items of the affected resources \\(${bucket} ×2\\): the policy of bucket ${bucket} allowed everyone at \\S+ \\S+ UTC\\.`));
    expect(found.took.roundTrips).toBeLessThanOrEqual(2);
  });
});

describe('Inspector v2 vulnerabilities of the container image a Kubernetes finding names', () => {
  let host: TestHost;
  const corpus = buildCorpus();
  const finding = corpus.find((f) => f.type === 'CredentialAccess:Kubernetes/MaliciousIPCaller')!;
  const image = finding.expected.find((e) => e.type === 'container_image')!.value; // 111122223333.dkr.ecr.us-east-1.amazonaws.com/c020-web:1.4.2
  const [registry, repoAndTag] = [image.slice(0, image.indexOf('/')), image.slice(image.indexOf('/') + 1)];
  const [repository, tag] = repoAndTag.split(':');
  const registryId = registry.split('.')[0];
  let absent: Investigation;
  let empty: Investigation;
  let found: Investigation;

  beforeAll(async () => {
    host = await startTestHost('imgvuln');
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    const doc = corpusDocs([finding], 'current', host.prefix)[0];
    const ref = { index: doc._index, id: doc._id };
    await loadDocuments(host.opensearch, [doc], { refresh: true });
    absent = await investigate(host, ref);
    const seen = Date.parse(finding.raw.service.eventLastSeen ?? finding.raw.updatedAt) * 1000;
    const o = { accountId: finding.raw.accountId, region: finding.raw.region, indexPrefix: host.prefix };
    const vuln = (over: Partial<Parameters<typeof inspectorV2ImageDoc>[0]>) =>
      inspectorV2ImageDoc({ t: seen - 3600 * SEC, registryId, repository, tags: [tag], cve: 'CVE-2024-0001', packages: ['openssl'], version: '3.0.7', severity: 'HIGH', score: 7.5, ...over }, o);
    // Same repository with another tag, the same repository and tag in another account's registry, a look-alike repository.
    await loadDocuments(
      host.opensearch,
      [vuln({ tags: ['1.4.1'], cve: 'CVE-2023-1111' }), vuln({ registryId: '444455556666', cve: 'CVE-2023-2222' }), vuln({ repository: `${repository}-canary`, cve: 'CVE-2023-3333' })],
      { refresh: true }
    );
    empty = await investigate(host, ref);
    await loadDocuments(
      host.opensearch,
      [vuln({ tags: [tag, 'latest'], cve: 'CVE-2024-6387', packages: ['openssh'], severity: 'HIGH', score: 8.1 }), vuln({ tags: [tag, 'latest'], cve: 'CVE-2023-44487', packages: ['nghttp2-libs'], severity: 'CRITICAL', score: 9.8 })],
      { refresh: true }
    );
    found = await investigate(host, ref);
  });
  afterAll(() => host?.cleanup());

  it('asks the Kubernetes playbook; without a Security Hub index the question finds nothing because the source is absent', () => {
    expect(absent.playbook.id).toBe('kubernetes');
    expect(check(absent, 'securityhub.image_vulnerabilities')).toMatchObject({ state: 'nothing_found', reason: expect.stringMatching(/^no index matches /) });
  });

  it('leaves out another tag of the repository, the same name in another registry and a look-alike repository', () => {
    const c = check(empty, 'securityhub.image_vulnerabilities')!;
    expect(c.state).toBe('nothing_found');
    expect(c.reason).not.toMatch(/no index matches/);
    expect(storyText(empty)).not.toMatch(/in the container image/);
  });

  it('finds the image\'s vulnerabilities by registry account, repository and tag, worst first', () => {
    expect(check(found, 'securityhub.image_vulnerabilities')).toMatchObject({ state: 'found', total: 2 });
    expect(facet(found, 'securityhub.image_vulnerabilities', 'Repository')).toEqual([{ value: repository, count: 2 }]);
    expect(storyText(found)).toContain(
      `Inspector reports 2 vulnerable package findings in the container image ${image} (1 CRITICAL and 1 HIGH): CVE-2023-44487 in nghttp2-libs (CVSS 9.8) and CVE-2024-6387 in openssh (CVSS 8.1).`
    );
    expect(found.took.roundTrips).toBeLessThanOrEqual(2);
  });
});
