/**
 * S3 server access logs, CloudTrail S3 data events, Windows Security events and Linux OS syslog as
 * evidence sources, on a real OpenSearch: documents in es-loader's form
 * (test/fixtures/host_and_data_sources.ts), findings from the GuardDuty corpus (RDP brute force, S3
 * exfiltration) and the workshop scenario (the SSH brute force that succeeded).
 */
import { Investigation } from '../../common/types';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments, sourceDemoDocs } from '../../dev/load';
import { buildCorpus, corpusDocs } from '../fixtures/guardduty_corpus/generate';
import { controlFindingDoc, inspectorV2Doc, s3AccessLogDoc, s3ApiCallDoc, syslogDoc, windowsLogonDoc } from '../fixtures/host_and_data_sources';
import { SEC } from '../fixtures/es_loader';
import { INSTANCE_HOSTNAME } from '../fixtures/scenario/constants';
import { loadScenario, startTestHost, TestHost } from './helpers';

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

describe('Windows Security events: did the RDP brute force succeed, and as which account', () => {
  let host: TestHost;
  const corpus = buildCorpus();
  const finding = corpus.find((f) => f.type === 'UnauthorizedAccess:EC2/RDPBruteForce')!;
  const instance = finding.expected.find((e) => e.type === 'instance')!.value;
  const attacker = finding.expected.find((e) => e.type === 'ip' && e.role === 'remote')!.value;
  const noiseIp = `${attacker}0`; // 10.10.196.100: shares a prefix with the attacker's address
  let ref: { index: string; id: string };
  let absent: Investigation;
  let empty: Investigation;
  let found: Investigation;

  beforeAll(async () => {
    host = await startTestHost('rdp');
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    const doc = corpusDocs([finding], 'current', host.prefix)[0];
    ref = { index: doc._index, id: doc._id };
    await loadDocuments(host.opensearch, [doc], { refresh: true });
    absent = await investigate(host, ref);

    const seen = Date.parse(finding.raw.service.eventLastSeen ?? finding.raw.updatedAt) * 1000;
    const o = { accountId: finding.raw.accountId, region: finding.raw.region, indexPrefix: host.prefix };
    let record = 91000;
    const logon = (minutes: number, eventId: '4624' | '4625', ipAddress: string, targetUser: string, logonType = '3', instanceId = instance) =>
      windowsLogonDoc({ t: seen - minutes * 60 * SEC, eventId, ipAddress, targetUser, logonType, instanceId, computer: 'EC2AMAZ-7K2L9QX', recordId: record++ }, o);
    // The index exists with logons of other addresses only: the question finds nothing, for a reason other than absence.
    await loadDocuments(host.opensearch, [logon(50, '4625', noiseIp, 'Administrator'), logon(49, '4624', '10.0.5.20', 'svc-backup', '3', 'i-0ffffeeeeddddcccc')], { refresh: true });
    empty = await investigate(host, ref);

    const attack = [];
    for (let i = 0; i < 24; i++) attack.push(logon(40 - i, '4625', attacker, i % 3 === 0 ? 'admin' : 'Administrator'));
    attack.push(logon(15, '4624', attacker, 'Administrator', '3'));
    attack.push(logon(15, '4624', attacker, 'Administrator', '10'));
    // Security Hub: a failed and a passed control of the instance, a failed one of another instance; Inspector v2 CVEs.
    const ec2 = (id: string) => ({ Type: 'AwsEc2Instance' as const, Id: `arn:aws:ec2:${o.region}:${o.accountId}:instance/${id}` });
    const imds = 'EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)';
    attack.push(
      controlFindingDoc({ t: seen - 3600 * SEC, controlId: 'EC2.8', title: imds, severity: 'HIGH', status: 'FAILED', resource: ec2(instance) }, o),
      controlFindingDoc({ t: seen - 3600 * SEC, controlId: 'EC2.9', title: 'Amazon EC2 instances should not have a public IPv4 address', severity: 'HIGH', status: 'PASSED', resource: ec2(instance) }, o),
      controlFindingDoc({ t: seen - 3600 * SEC, controlId: 'EC2.8', title: imds, severity: 'HIGH', status: 'FAILED', resource: ec2('i-0ffffeeeeddddcccc') }, o),
      inspectorV2Doc({ t: seen - 7200 * SEC, instanceId: instance, cve: 'CVE-2023-38408', packages: ['openssh', 'openssh-clients'], version: '7.4p1', severity: 'CRITICAL', score: 9.8 }, o),
      inspectorV2Doc({ t: seen - 7200 * SEC, instanceId: instance, cve: 'CVE-2024-6387', packages: ['openssh-server'], version: '7.4p1', severity: 'HIGH', score: 8.1 }, o),
      inspectorV2Doc({ t: seen - 7200 * SEC, instanceId: 'i-0ffffeeeeddddcccc', cve: 'CVE-2021-44228', packages: ['log4j'], version: '2.14.1', severity: 'CRITICAL', score: 10 }, o)
    );
    await loadDocuments(host.opensearch, attack, { refresh: true });
    found = await investigate(host, ref);
  });
  afterAll(() => host?.cleanup());

  it('asks the RDP playbook; without a Windows index the source is absent (a coverage line, never an error)', () => {
    expect(absent.playbook.id).toBe('rdp');
    expect(absent.coverage.find((c) => c.source === 'windows_event')).toMatchObject({ absent: true, docsInWindow: 0 });
    expect(check(absent, 'windows_event.logon_success')).toMatchObject({ state: 'nothing_found', reason: `no index matches ${host.prefix}log-win-event-*` });
    expect(absent.story.some((s) => /^No Windows event log index matches .*\(no data\)\.$/.test(s.text))).toBe(true);
  });

  it('with logons of other addresses only, says nothing was found and why, without naming the index absent', () => {
    expect(empty.coverage.find((c) => c.source === 'windows_event')!.absent).toBeUndefined();
    for (const rule of ['windows_event.logons_from_attacker', 'windows_event.logon_success']) {
      const c = check(empty, rule)!;
      expect(c.state).toBe('nothing_found');
      expect(c.reason).not.toMatch(/no index matches/);
    }
    expect(storyText(empty)).not.toMatch(/Windows logon/);
  });

  it('counts the failed logons of the attacker only, and the account it tried most', () => {
    expect(check(found, 'windows_event.logons_from_attacker')).toMatchObject({ state: 'found', total: 26 });
    expect(facet(found, 'windows_event.logons_from_attacker', 'Account (failed logons)')).toEqual([
      { value: 'Administrator', count: 16 },
      { value: 'admin', count: 8 },
    ]);
    const hits = group(found, 'windows_event.logons_from_attacker')!.hits;
    expect(hits.every((h) => h.fields['source.ip'] === attacker)).toBe(true);
    expect(storyText(found)).toContain(`${attacker} made 24 failed Windows logons (event 4625) against ${instance}, 67% of them as "Administrator".`);
  });

  it('says the brute force succeeded, as which account (the target user, not the machine account of ECS user.name)', () => {
    expect(check(found, 'windows_event.logon_success')).toMatchObject({ state: 'found', total: 2 });
    expect(facet(found, 'windows_event.logon_success', 'Account')).toEqual([{ value: 'Administrator', count: 2 }]);
    expect(storyText(found)).toMatch(new RegExp(`The logon succeeded: ${attacker.replace(/\./g, '\\.')} logged on as "Administrator" at .* UTC \\((network and RDP|RDP and network) logon\\); 2 successful logons in all\\.`));
    expect(found.entities.some((e) => e.type === 'user' && e.value === 'Administrator')).toBe(true);
    expect(found.entities.some((e) => e.type === 'user' && /\$$/.test(e.value))).toBe(false);
    expect(found.graph.edges.some((e) => e.from === `ip:${attacker}` && e.to === 'user:Administrator' && e.relation === 'logged on as')).toBe(true);
    expect(found.timeline.some((e) => e.source === 'windows_event' && e.action === 'Windows failed logons' && e.count === 24)).toBe(true);
    expect(found.took.roundTrips).toBeLessThanOrEqual(2);
  });

  it('Security Hub: the failed controls and the Inspector v2 package vulnerabilities of the instance, not of others', () => {
    expect(check(absent, 'securityhub.controls')).toMatchObject({ state: 'nothing_found', reason: `no index matches ${host.prefix}log-aws-securityhub-*` });
    expect(check(found, 'securityhub.controls')).toMatchObject({ state: 'found', total: 1 });
    expect(facet(found, 'securityhub.controls', 'Control')).toEqual([{ value: 'EC2.8', count: 1 }]);
    expect(check(found, 'securityhub.package_vulnerabilities')).toMatchObject({ state: 'found', total: 2 });
    expect(facet(found, 'securityhub.package_vulnerabilities', 'CVE').map((b) => b.value).sort()).toEqual(['CVE-2023-38408', 'CVE-2024-6387']);
    const text = storyText(found);
    expect(text).toContain(`Security Hub reports 1 failed control on the affected resources: EC2.8 "EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)" (HIGH, ${instance}).`);
    expect(text).toContain(`Inspector reports 2 vulnerable package findings on ${instance} (1 CRITICAL and 1 HIGH): CVE-2023-38408 in openssh (CVSS 9.8) and CVE-2024-6387 in openssh-server (CVSS 8.1).`);
    expect(text).not.toContain('log4j');
    // The classic Inspector question leaves Inspector v2's package findings to their own question.
    expect(check(found, 'securityhub.inspector')?.state).toBe('nothing_found');
  });
});

describe('S3 exfiltration: how much, which objects, who made the bucket public', () => {
  let host: TestHost;
  const corpus = buildCorpus();
  const finding = corpus.find((f) => f.type === 'Exfiltration:S3/MaliciousIPCaller')!;
  const other = corpus.find((f) => f.type === 'UnauthorizedAccess:S3/TorIPCaller')!;
  const value = (f: typeof finding, type: string) => f.expected.find((e) => e.type === type && (type !== 'ip' || e.role === 'remote'))!.value;
  const user = value(finding, 'user');
  const key = value(finding, 'access_key');
  const attacker = value(finding, 'ip');
  const bucket = value(finding, 'bucket');
  const staging = `${bucket}-staging`;
  const account = finding.raw.accountId as string;
  let refs: Array<{ index: string; id: string }>;
  let absent: Investigation;
  let inv: Investigation;
  let otherInv: Investigation;

  beforeAll(async () => {
    host = await startTestHost('s3exfil');
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    const docs = corpusDocs([finding, other], 'current', host.prefix);
    refs = docs.map((d) => ({ index: d._index, id: d._id }));
    await loadDocuments(host.opensearch, docs, { refresh: true });
    absent = await investigate(host, refs[0]);

    const seen = Date.parse(finding.raw.service.eventLastSeen ?? finding.raw.updatedAt) * 1000;
    const o = { accountId: account, region: finding.raw.region, indexPrefix: host.prefix };
    const at = (minutes: number) => seen - minutes * 60 * SEC;
    const userArn = (name: string) => `arn:aws:iam::${account}:user/${name}`;
    await loadDocuments(
      host.opensearch,
      [
        // Who made the bucket public, then the downloads.
        s3ApiCallDoc({ t: at(40), eventName: 'PutBucketAcl', bucket, accessKeyId: key, principal: user, sourceIp: attacker, requestParameters: { acl: '', 'x-amz-grant-read': 'uri=http://acs.amazonaws.com/groups/global/AllUsers' } }, o),
        s3ApiCallDoc({ t: at(30), eventName: 'GetObject', bucket, key: 'exports/customers.csv', accessKeyId: key, principal: user, sourceIp: attacker, bytesOut: 1_000_000 }, o),
        s3ApiCallDoc({ t: at(29), eventName: 'GetObject', bucket, key: 'exports/customers.csv', accessKeyId: key, principal: user, sourceIp: attacker, bytesOut: 1_000_000 }, o),
        s3ApiCallDoc({ t: at(28), eventName: 'GetObject', bucket, key: 'hr/payroll.xlsx', accessKeyId: key, principal: user, sourceIp: attacker, bytesOut: 2_000_000 }, o),
        s3ApiCallDoc({ t: at(27), eventName: 'PutObject', bucket: staging, key: 'drop/a.tgz', accessKeyId: key, principal: user, sourceIp: attacker }, o),
        // Noise: another key of a similar user from a neighbouring address.
        s3ApiCallDoc({ t: at(26), eventName: 'GetObject', bucket: 'c105-other-111122223333', key: 'x', accessKeyId: 'AKIA7AAMJZQZPMEXU2SE', principal: `${user}-2`, sourceIp: '203.0.113.107', bytesOut: 7_000_000 }, o),
        // The server access logs of the same requests, one anonymous read after the ACL change, a legitimate reader.
        s3AccessLogDoc({ t: at(30), bucket, operation: 'REST.GET.OBJECT', key: 'exports/customers.csv', remoteIp: attacker, requester: userArn(user), bytesSent: 1_000_000 }, o),
        s3AccessLogDoc({ t: at(29), bucket, operation: 'REST.GET.OBJECT', key: 'exports/customers.csv', remoteIp: attacker, requester: userArn(user), bytesSent: 1_000_000 }, o),
        s3AccessLogDoc({ t: at(28), bucket, operation: 'REST.GET.OBJECT', key: 'hr/payroll.xlsx', remoteIp: attacker, requester: userArn(user), bytesSent: 2_000_000 }, o),
        s3AccessLogDoc({ t: at(27), bucket: staging, operation: 'REST.PUT.OBJECT', key: 'drop/a.tgz', remoteIp: attacker, requester: userArn(user), objectSize: 300_000 }, o),
        s3AccessLogDoc({ t: at(20), bucket, operation: 'REST.GET.OBJECT', key: 'hr/payroll.xlsx', remoteIp: '198.51.100.23', bytesSent: 2_000_000, userAgent: 'curl/8.5.0' }, o),
        s3AccessLogDoc({ t: at(35), bucket, operation: 'REST.GET.OBJECT', key: 'exports/daily.csv', remoteIp: '10.0.1.5', requester: `arn:aws:sts::${account}:assumed-role/c105-app-role/i-0123456789abcdef0`, bytesSent: 10_000 }, o),
        s3AccessLogDoc({ t: at(26), bucket: 'c105-other-111122223333', operation: 'REST.GET.OBJECT', key: 'x', remoteIp: '203.0.113.107', requester: userArn(`${user}-2`), bytesSent: 7_000_000 }, o),
        // Security Hub: the bucket fails S3.8 (block public access); another bucket fails it too.
        controlFindingDoc({ t: at(10), controlId: 'S3.8', title: 'S3 general purpose buckets should block public access', severity: 'HIGH', status: 'FAILED', resource: { Type: 'AwsS3Bucket', Id: `arn:aws:s3:::${bucket}` } }, o),
        controlFindingDoc({ t: at(10), controlId: 'S3.8', title: 'S3 general purpose buckets should block public access', severity: 'HIGH', status: 'FAILED', resource: { Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::c105-other-111122223333' } }, o),
      ],
      { refresh: true }
    );
    inv = await investigate(host, refs[0]);
    otherInv = await investigate(host, refs[1]);
  });
  afterAll(() => host?.cleanup());

  it('asks the S3 playbook; without server access logs that source is absent (a coverage line, never an error)', () => {
    expect(absent.playbook.id).toBe('s3');
    expect(absent.coverage.find((c) => c.source === 's3accesslog')).toMatchObject({ absent: true, docsInWindow: 0 });
    expect(check(absent, 's3accesslog.bucket_reads')).toMatchObject({ state: 'nothing_found', reason: `no index matches ${host.prefix}log-aws-s3accesslog-*` });
    expect(absent.story.some((s) => /^No S3 server access logs index matches .*\(no data\)\.$/.test(s.text))).toBe(true);
  });

  it('server access logs: the principal’s and the attacker’s requests, objects and bytes per bucket; the similar user and address stay out', () => {
    expect(check(inv, 's3accesslog.principal_requests')).toMatchObject({ state: 'found', total: 4 });
    expect(facet(inv, 's3accesslog.principal_requests', 'Bucket')).toEqual([
      { value: bucket, count: 3, sum: 4_000_000, distinct: 2 },
      { value: staging, count: 1, sum: 0, distinct: 1 },
    ]);
    const hits = group(inv, 's3accesslog.principal_requests')!.hits;
    expect(hits.some((h) => h.fields['source.ip'] === '203.0.113.107' || h.fields['user.name'] === `${user}-2`)).toBe(false);
    expect(storyText(inv)).toContain(`S3 server access logs hold 4 requests by or from ${user} and ${attacker} (3 GET OBJECT and 1 PUT OBJECT); per bucket: ${bucket} (3 requests, 2 objects, 4.0 MB sent) and ${staging} (1 request, 1 object, 0 bytes sent).`);
  });

  it('object reads of the bucket: every reader with its volume, and the anonymous download after the bucket went public', () => {
    expect(check(inv, 's3accesslog.bucket_reads')).toMatchObject({ state: 'found', total: 5 });
    expect(facet(inv, 's3accesslog.bucket_reads', 'Requester')).toEqual([
      { value: user, count: 3, sum: 4_000_000, distinct: 2 },
      { value: 'i-0123456789abcdef0', count: 1, sum: 10_000, distinct: 1 },
    ]);
    expect(facet(inv, 's3accesslog.bucket_reads', 'Anonymous reader')).toEqual([{ value: '198.51.100.23', count: 1, sum: 2_000_000 }]);
    expect(storyText(inv)).toContain('1 read without credentials (anonymous) from 198.51.100.23 (2.0 MB).');
  });

  it('CloudTrail: the data events of the key (objects and bytes per bucket) and who made the bucket public', () => {
    expect(check(inv, 'cloudtrail.s3_data_events')).toMatchObject({ state: 'found', total: 4 });
    expect(facet(inv, 'cloudtrail.s3_data_events', 'Bucket')).toEqual([
      { value: bucket, count: 3, sum: 4_000_000, distinct: 2 },
      { value: staging, count: 1, sum: 0, distinct: 1 },
    ]);
    const text = storyText(inv);
    expect(text).toContain(`CloudTrail S3 data events: 3 object reads and 1 write in ${bucket} (2 objects, 4.0 MB out) and ${staging} (1 object, 0 bytes out).`);
    expect(text).toMatch(new RegExp(`The access rules of bucket ${bucket} changed: PutBucketAcl at .* granting read access to everyone \\(AllUsers\\) \\(key ${key} from ${attacker.replace(/\./g, '\\.')}\\)`));
    expect(text).not.toContain('7.0 MB');
    expect(inv.took.roundTrips).toBeLessThanOrEqual(2);
  });

  it('Security Hub: the bucket fails the block-public-access control', () => {
    expect(check(inv, 'securityhub.controls')).toMatchObject({ state: 'found', total: 1 });
    expect(storyText(inv)).toContain(`Security Hub reports 1 failed control on the affected resources: S3.8 "S3 general purpose buckets should block public access" (HIGH, ${bucket}).`);
  });

  it('another S3 finding with the index present but none of its own documents: nothing found, and why', () => {
    expect(otherInv.playbook.id).toBe('s3');
    for (const rule of ['s3accesslog.principal_requests', 's3accesslog.bucket_reads', 'cloudtrail.s3_data_events']) {
      const c = check(otherInv, rule)!;
      expect(c.state).toBe('nothing_found');
      expect(c.reason).not.toMatch(/no index matches/);
    }
    expect(storyText(otherInv)).not.toMatch(/S3 server access logs hold|CloudTrail S3 data events/);
  });
});

describe('Linux: sudo, su and new local accounts after the SSH login', () => {
  let host: TestHost;
  let facts: Awaited<ReturnType<typeof loadScenario>>['facts'];
  let absent: Investigation;
  let inv: Investigation;
  let login: { at: string; user: string };

  beforeAll(async () => {
    host = await startTestHost('linuxos');
    ({ facts } = await loadScenario(host.opensearch, host.prefix, { noise: 200 }));
    absent = await investigate(host, facts.sshBruteForceFinding);
    const success = group(absent, 'linux_secure.ssh_success')!.hits[0];
    login = { at: success.timestamp, user: success.fields['user.name'] as string };
    const inst = facts.entities.instanceId;
    const o = { accountId: facts.entities.accountId, region: 'us-east-1', indexPrefix: host.prefix };
    const t = (minutes: number) => Date.parse(login.at) * 1000 + minutes * 60 * SEC;
    const line = (minutes: number, proc: string, message: string, instanceId = inst, hostname = INSTANCE_HOSTNAME) =>
      syslogDoc({ t: t(minutes), instanceId, hostname, proc, pid: 4000 + minutes, message }, o);
    await loadDocuments(
      host.opensearch,
      [
        line(2, 'sudo', `${login.user} : TTY=pts/0 ; PWD=/home/${login.user} ; USER=root ; COMMAND=/usr/sbin/useradd -m -s /bin/bash backup2`),
        line(2, 'sudo', `pam_unix(sudo:session): session opened for user root by ${login.user}(uid=0)`),
        line(2, 'useradd', 'new group: name=backup2, GID=1002'),
        line(2, 'useradd', 'new user: name=backup2, UID=1002, GID=1002, home=/home/backup2, shell=/bin/bash, from=/dev/pts/0'),
        line(3, 'passwd', 'pam_unix(passwd:chauthtok): password changed for backup2'),
        line(4, 'su', `pam_unix(su:session): session opened for user backup2 by ${login.user}(uid=0)`),
        // Noise: account changes on another instance, and a daemon's line on this one.
        line(5, 'useradd', 'new user: name=nginx, UID=996, GID=994, home=/var/cache/nginx, shell=/sbin/nologin', 'i-0ffffeeeeddddcccc', 'ip-10-0-7-7'),
        line(6, 'systemd', 'Started Session 42 of user backup2.'),
      ],
      { refresh: true }
    );
    inv = await investigate(host, facts.sshBruteForceFinding);
  });
  afterAll(() => host?.cleanup());

  it('without an OS syslog index: the source is absent and the sudo question finds nothing on the instance', () => {
    expect(absent.coverage.find((c) => c.source === 'linux_os')).toMatchObject({ absent: true, docsInWindow: 0 });
    expect(check(absent, 'linux_os.account_changes')).toMatchObject({ state: 'nothing_found', reason: `no index matches ${host.prefix}log-linux-os-*` });
    // The scenario's sudo lines are on other hosts: present source, nothing on this instance.
    expect(check(absent, 'linux_secure.privilege_use')).toMatchObject({ state: 'nothing_found', reason: 'no Linux secure document in the window matches' });
  });

  it('finds the local accounts created on the instance after the login, not those of other instances', () => {
    expect(check(inv, 'linux_os.account_changes')).toMatchObject({ state: 'found', total: 3 });
    expect(facet(inv, 'linux_os.account_changes', 'Program')).toEqual([
      { value: 'useradd', count: 2 },
      { value: 'passwd', count: 1 },
    ]);
    expect(storyText(inv)).toMatch(/The instance's system log records 3 account changes \(useradd ×2 and passwd ×1\), 3 of them after the SSH login at .* UTC; new local account "backup2"\./);
    expect(storyText(inv)).not.toContain('nginx');
  });

  it('tells what the intruder ran as root with sudo and su', () => {
    expect(check(inv, 'linux_secure.privilege_use')).toMatchObject({ state: 'found', total: 3 });
    expect(storyText(inv)).toContain(`"${login.user}" ran as root: "/usr/sbin/useradd -m -s /bin/bash backup2".`);
    expect(inv.took.roundTrips).toBeLessThanOrEqual(2);
  });
});

describe('the demo data of these sources (npm run load -- --demo --sources) on a real OpenSearch', () => {
  let host: TestHost;
  const byType = new Map<string, Investigation>();

  beforeAll(async () => {
    host = await startTestHost('srcdemo');
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    const docs = sourceDemoDocs(host.prefix, '2021-04-27', 500);
    await loadDocuments(host.opensearch, docs, { refresh: true }); // throws on any rejected document
    for (const d of docs.filter((x) => x._index.includes('log-aws-guardduty-'))) {
      const type = (d._source as any).type as string;
      if (['UnauthorizedAccess:EC2/RDPBruteForce', 'Exfiltration:S3/MaliciousIPCaller', 'UnauthorizedAccess:EC2/SSHBruteForce'].includes(type)) {
        byType.set(type, await investigate(host, { index: d._index, id: d._id }));
      }
    }
  });
  afterAll(() => host?.cleanup());

  it('every new rule finds its incident in the demo data, in at most two round trips', () => {
    const rdp = byType.get('UnauthorizedAccess:EC2/RDPBruteForce')!;
    const s3 = byType.get('Exfiltration:S3/MaliciousIPCaller')!;
    const ssh = byType.get('UnauthorizedAccess:EC2/SSHBruteForce')!;
    expect(check(rdp, 'windows_event.logon_success')).toMatchObject({ state: 'found', total: 2 });
    expect(check(rdp, 'windows_event.logons_from_attacker')).toMatchObject({ state: 'found', total: 26 });
    for (const rule of ['s3accesslog.principal_requests', 's3accesslog.bucket_reads', 'cloudtrail.s3_data_events', 'cloudtrail.bucket_permissions']) {
      expect(check(s3, rule)?.state).toBe('found');
    }
    expect(check(ssh, 'linux_os.account_changes')).toMatchObject({ state: 'found', total: 2 });
    expect(check(ssh, 'linux_secure.privilege_use')).toMatchObject({ state: 'found', total: 2 });
    for (const inv of [rdp, s3, ssh]) expect(inv.took.roundTrips).toBeLessThanOrEqual(2);
  });

  it('the web front and AWS Config in the demo data: the SSH attacker\'s requests and the security group opened the day before; the S3 bucket\'s public policy', () => {
    const ssh = byType.get('UnauthorizedAccess:EC2/SSHBruteForce')!;
    const s3 = byType.get('Exfiltration:S3/MaliciousIPCaller')!;
    expect(check(ssh, 'waf.remote_requests')).toMatchObject({ state: 'found', total: 5 });
    expect(check(ssh, 'elb.remote_requests')).toMatchObject({ state: 'found', total: 5 });
    expect(check(ssh, 'networkfirewall.remote_traffic')).toMatchObject({ state: 'found', total: 2 });
    expect(check(ssh, 'config.resource_changes')).toMatchObject({ state: 'found', total: 2 });
    expect(storyText(ssh)).toMatch(/AWS WAF logged 5 requests from \S+ \(acme-web-acl\): 1 allowed, 4 blocked/);
    expect(storyText(ssh)).toMatch(/security group sg-\w+ \(web-ssh\) allowed ingress from 0\.0\.0\.0\/0 at .* UTC \(its ingress rules: ports 22 and 443\)/);
    expect(check(s3, 'config.resource_changes')).toMatchObject({ state: 'found', total: 1 });
    expect(storyText(s3)).toMatch(/the policy of bucket \S+ allowed everyone at/);
    for (const inv of [s3, ssh]) expect(inv.took.roundTrips).toBeLessThanOrEqual(2);
  });
});
