import { flattenDocument } from '../../common/flatten';
import { documentTitle } from '../../common/sources';
import { albLogDoc, configItemDoc, IngressPermission, networkFirewallDoc, wafLogDoc } from '../../test/fixtures/web_and_config_sources';
import { GraphBuilder } from '../correlation/graph_builder';
import { summarizeAttempts } from './attempts';
import type { TimelineRun } from './types';
import { bucketExposure, configServer, worldIngress } from './config';
import { elbServer } from './elb';
import { networkfirewallServer } from './networkfirewall';
import { wafServer } from './waf';
import { ecrImageQuery } from '../playbooks/rules/securityhub';

const o = { accountId: '123456789012', region: 'us-east-1' };
const t = Date.parse('2021-04-27T10:21:00Z') * 1000;
const flat = (d: { _source: Record<string, unknown> }) => flattenDocument(d._source);

describe('AWS WAF adapter', () => {
  const blocked = flat(wafLogDoc({ t, clientIp: '203.0.113.5', action: 'BLOCK', terminatingRuleId: 'AWS-AWSManagedRulesSQLiRuleSet', uri: '/login', args: "id=1'--" }, o));
  it('stores the record as es-loader does: ECS fields beside the record, the headers as a dictionary, the web ACL as rule.ruleset', () => {
    expect(blocked['event.action']).toBe('BLOCK');
    expect(blocked['rule.name']).toBe('AWS-AWSManagedRulesSQLiRuleSet');
    expect(blocked['rule.ruleset']).toBe('acme-web-acl');
    expect(blocked['source.ip']).toBe('203.0.113.5');
    expect(blocked['url.path']).toBe('/login');
    expect(blocked['httpRequest.header.host']).toBe('www.example.com');
    expect(blocked['http.version']).toBe('1.1');
    expect(blocked['cloud.account.id']).toBe('123456789012');
  });
  it('titles and describes a request', () => {
    expect(documentTitle('waf', blocked)).toBe('WAF BLOCK GET /login from 203.0.113.5 (AWS-AWSManagedRulesSQLiRuleSet)');
    expect(wafServer.describe(blocked, 'x')).toMatchObject({ action: 'WAF BLOCK', outcome: 'failure', summary: 'GET www.example.com/login from 203.0.113.5: BLOCK by AWS-AWSManagedRulesSQLiRuleSet (web ACL acme-web-acl)' });
  });
});

describe('load balancer adapter', () => {
  const passed = flat(albLogDoc({ t, clientIp: '203.0.113.5', targetIp: '10.0.1.5', status: 200, path: '/', sentBytes: 5000 }, o));
  const wafBlocked = flat(albLogDoc({ t, clientIp: '203.0.113.5', targetIp: '10.0.1.5', status: 403, path: '/login', blockedByWaf: true }, o));
  it('stores the line under its group names and the ECS fields; a request WAF blocked has no target', () => {
    expect(passed['elb_status_code']).toBe('200');
    expect(passed['http.response.status_code']).toBe('200');
    expect(passed['destination.ip']).toBe('10.0.1.5');
    expect(passed['url.full']).toBe('https://www.example.com:443/');
    expect(passed['related.ip']).toEqual(['10.0.1.5', '203.0.113.5']);
    expect(wafBlocked['destination.ip']).toBeUndefined();
    expect(wafBlocked['actions_executed']).toBe('waf');
  });
  it('describes a request and links the remote address to the target', () => {
    expect(elbServer.describe(passed, 'x')).toMatchObject({ outcome: 'success', summary: 'app/acme-web-alb/50dc6c495c0c9188: GET / from 203.0.113.5 → 200, 5000 bytes sent (target 10.0.1.5)' });
    expect(elbServer.describe(wafBlocked, 'x').outcome).toBe('failure');
    const b = new GraphBuilder();
    elbServer.link(b, passed, 0);
    elbServer.link(b, wafBlocked, 1);
    expect(b.build().edges.map((e) => `${e.from} ${e.relation} ${e.to}`)).toEqual(['ip:203.0.113.5 HTTP via load balancer ip:10.0.1.5']);
  });
});

describe('Network Firewall adapter', () => {
  const alert = flat(networkFirewallDoc({ t, kind: 'alert', srcIp: '203.0.113.5', srcPort: 5000, destIp: '10.0.1.5', destPort: 22, action: 'blocked', signature: 'ET SCAN SSH' }, o));
  const flow = flat(networkFirewallDoc({ t, kind: 'netflow', srcIp: '10.0.1.5', srcPort: 5000, destIp: '203.0.113.5', destPort: 9001, bytes: 1000 }, o));
  it('keeps the record\'s event object beside es-loader\'s event fields', () => {
    expect(alert['event.module']).toBe('alert');
    expect(alert['event.action']).toBe('blocked');
    expect(alert['event.kind']).toBe('alert');
    expect(alert['event.alert.signature']).toBe('ET SCAN SSH');
    expect(alert['rule.name']).toBe('ET SCAN SSH');
    expect(flow['event.module']).toBe('netflow');
    expect(flow['event.action']).toBeUndefined();
    expect(flow['network.bytes']).toBe('1000');
    expect(flow['network.transport']).toBe('tcp');
  });
  it('describes and links alerts and flows', () => {
    expect(networkfirewallServer.describe(alert, 'x')).toMatchObject({ action: 'Network Firewall alert blocked', outcome: 'failure', summary: '203.0.113.5 → 10.0.1.5:22/tcp: ET SCAN SSH (acme-egress-firewall)' });
    expect(networkfirewallServer.describe(flow, 'x')).toMatchObject({ action: 'Network Firewall flow', summary: '10.0.1.5 → 203.0.113.5:9001/tcp, 1000 bytes (acme-egress-firewall)' });
    const b = new GraphBuilder();
    networkfirewallServer.link(b, alert, 0);
    networkfirewallServer.link(b, flow, 1);
    expect(b.build().edges.map((e) => `${e.from} ${e.relation} ${e.to}`)).toEqual(['ip:203.0.113.5 firewall blocked to port 22 ip:10.0.1.5', 'ip:10.0.1.5 firewall flow to port 9001 ip:203.0.113.5']);
  });
});

describe('AWS Config adapter', () => {
  const sg = (ingress: IngressPermission[]) =>
    flat(configItemDoc({ kind: 'securityGroup', t, stateId: 1, groupId: 'sg-0123456789abcdef0', groupName: 'web', vpcId: 'vpc-0123456789abcdef0', instances: ['i-0123456789abcdef0'], ingress }, o));
  it('stores a configuration item as es-loader does: @id from account, region, type and id; an instance\'s state renamed', () => {
    const d = configItemDoc({ kind: 'instance', t, stateId: 2, instanceId: 'i-0123456789abcdef0', privateIp: '10.0.1.5', securityGroups: ['sg-0123456789abcdef0'], state: 'running' }, o);
    expect(d._id).toMatch(/^[0-9a-f]{32}_20210427_102100_[0-9a-f]{4}$/);
    const f = flat(d);
    expect(f['configuration.state_name']).toBe('running');
    expect(f['cloud.instance.id']).toBe('i-0123456789abcdef0');
    expect(f['related.ip']).toBe('10.0.1.5');
    expect(f['event.category']).toBe('configuration');
    expect(documentTitle('config', f)).toBe('Config AWS::EC2::Instance i-0123456789abcdef0 OK');
  });
  it('finds a security group open to the world, and only then', () => {
    expect(worldIngress(sg([{ protocol: 'tcp', fromPort: 22, cidrs: ['0.0.0.0/0'] }]))).toEqual({ ranges: ['0.0.0.0/0'], ports: ['22'] });
    expect(worldIngress(sg([{ protocol: 'tcp', fromPort: 1024, toPort: 2048, cidrs: ['::/0'] }]))).toEqual({ ranges: ['::/0'], ports: ['1024-2048'] });
    expect(worldIngress(sg([{ protocol: '-1', cidrs: ['0.0.0.0/0'] }]))).toEqual({ ranges: ['0.0.0.0/0'], ports: ['all'] });
    expect(worldIngress(sg([{ protocol: 'tcp', fromPort: 22, cidrs: ['10.0.0.0/8'] }]))).toBeUndefined();
    expect(configServer.describe(sg([{ protocol: 'tcp', fromPort: 22, cidrs: ['0.0.0.0/0'] }]), 'x')).toMatchObject({
      action: 'Config: configuration changed',
      summary: 'AWS::EC2::SecurityGroup sg-0123456789abcdef0 (web): ingress open to 0.0.0.0/0 (its ingress rules: ports 22)',
    });
  });
  it('reads a bucket policy that allows everyone (not a partner account, not with a condition, not broken JSON)', () => {
    const bucket = (policy?: Record<string, unknown>, off = false) =>
      flat(configItemDoc({ kind: 'bucket', t, stateId: 3, bucket: 'data', policy, ...(off ? { publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true } } : {}) }, o));
    const st = (s: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*', ...s }] });
    expect(bucketExposure(bucket(st({ Principal: '*' })))).toEqual({ policy: true, publicPolicy: true, blockOff: false });
    expect(bucketExposure(bucket(st({ Principal: { AWS: ['arn:aws:iam::1:root', '*'] } })))?.publicPolicy).toBe(true);
    expect(bucketExposure(bucket(st({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } })))?.publicPolicy).toBe(false);
    expect(bucketExposure(bucket(st({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })))?.publicPolicy).toBe(false);
    expect(bucketExposure(bucket(undefined, true))).toEqual({ policy: false, publicPolicy: false, blockOff: true });
    const broken = { ...bucket(), 'supplementaryConfiguration.BucketPolicy.policyText': '{"Statement": [' };
    expect(bucketExposure(broken)?.publicPolicy).toBe(false);
    expect(configServer.describe(bucket(st({ Principal: '*' })), 'x').summary).toBe('AWS::S3::Bucket data: bucket policy allows everyone');
  });
});

describe('summarizeAttempts: a run of failed logons as one entry (Windows and Linux share it)', () => {
  const run = (over: Partial<TimelineRun> = {}): TimelineRun => ({
    ref: { index: 'log-win-event-2021-04', id: '1' },
    evidence: 'windows_event.logons_from_attacker',
    source: 'windows_event',
    timestamp: '2021-04-27T10:21:00Z',
    action: 'a',
    summary: 'one line',
    count: 5,
    mergeKey: 'p|203.0.113.5|i-1',
    failures: 5,
    users: new Map([
      ['root', 1],
      ['admin', 3],
      ['a', 1],
      ['b', 0],
    ]),
    ...over,
  });
  const phrasing = { action: 'failed', sentence: (v: { failures: number; names: string; from: string | undefined }) => `${v.failures}|${v.names}|${v.from}` };
  it('tells the failures, the top three users and the address from the run\'s key', () => {
    expect(summarizeAttempts(run(), 'p|', phrasing)).toMatchObject({ action: 'failed', outcome: 'failure', count: 5, summary: '5|admin ×3, root ×1, a ×1, …|203.0.113.5' });
    expect(summarizeAttempts(run(), 'p|', phrasing)).not.toHaveProperty('mergeKey');
  });
  it('prefers the address the source reads itself, and says none when the key has none', () => {
    expect(summarizeAttempts(run(), 'p|', { ...phrasing, from: () => '198.51.100.1' }).summary).toBe('5|admin ×3, root ×1, a ×1, …|198.51.100.1');
    expect(summarizeAttempts(run({ mergeKey: 'p|undefined|i-1' }), 'p|', phrasing).summary).toBe('5|admin ×3, root ×1, a ×1, …|undefined');
    expect(summarizeAttempts(run({ mergeKey: 'p||i-1' }), 'p|', phrasing).summary).toMatch(/\|undefined$/);
  });
  it('leaves other runs, runs without failures and single events as they are', () => {
    expect(summarizeAttempts(run({ mergeKey: 'q|x' }), 'p|', phrasing)).toMatchObject({ action: 'a', summary: 'one line' });
    expect(summarizeAttempts(run({ failures: 0 }), 'p|', phrasing).summary).toBe('one line');
    expect(summarizeAttempts(run({ count: 1 }), 'p|', phrasing).summary).toBe('one line');
  });
});

describe('ecrImageQuery: an image URI read into registry account, repository and tag or digest', () => {
  const f = (q: Record<string, unknown> | undefined) => (q as { bool: { filter: Array<{ term: Record<string, string> }> } } | undefined)?.bool.filter.map((x) => Object.entries(x.term)[0].join('='));
  const p = 'Resources.Details.AwsEcrContainerImage';
  it('reads ECR, Docker Hub and digest forms; refuses what names no version', () => {
    expect(f(ecrImageQuery('111122223333.dkr.ecr.us-east-1.amazonaws.com/team/web:1.4.2'))).toEqual([`${p}.RepositoryName=team/web`, `${p}.ImageTags=1.4.2`, `${p}.RegistryId=111122223333`]);
    expect(f(ecrImageQuery('nginx:1.25'))).toEqual([`${p}.RepositoryName=nginx`, `${p}.ImageTags=1.25`]);
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(f(ecrImageQuery(`localhost:5000/web@${digest}`))).toEqual([`${p}.RepositoryName=web`, `${p}.ImageDigest=${digest}`]);
    expect(ecrImageQuery('nginx')).toBeUndefined();
    expect(ecrImageQuery('web@sha256:xyz')).toBeUndefined();
    expect(ecrImageQuery('a@b@c')).toBeUndefined();
  });
});
