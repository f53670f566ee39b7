import { EvidenceGroup, EvidenceHit, Investigation, RuleCheck } from '../../common/types';

export const XSS_USER_AGENT = '<img src=x onerror=alert(1)>';

function hit(id: string, timestamp: string, fields: Record<string, string | string[]>, index = 'log-aws-cloudtrail-2021-04'): EvidenceHit {
  return { ref: { index, id }, timestamp, fields: { '@timestamp': timestamp, ...fields } };
}

const calls: EvidenceGroup = {
  id: 'cloudtrail.access_key',
  source: 'cloudtrail',
  title: 'API calls with the credentials',
  question: 'What did the credentials do, and from where?',
  indexPattern: 'log-aws-cloudtrail-*',
  indexPatternId: '5f946950-7fc8-11ea-945d-8d0868f4a377',
  timeField: '@timestamp',
  query: { bool: { filter: [{ terms: { 'user.id': ['ASIAEXAMPLEKEY123456'] } }] } },
  columns: ['@timestamp', 'event.action', 'event.outcome', 'source.ip', 'requestParameters.key', 'user_agent.original'],
  total: 3,
  hop: 1,
  hits: [
    hit('ct-1', '2021-04-27T10:21:19.000Z', { 'event.action': 'PutBucketAcl', 'event.outcome': 'success', 'source.ip': '34.219.77.88', 'user.id': 'ASIAEXAMPLEKEY123456' }),
    hit('ct-2', '2021-04-27T10:24:03.000Z', {
      'event.action': 'GetObject',
      'event.outcome': 'success',
      'source.ip': '198.51.100.7',
      'requestParameters.key': 'config.py',
      'user.id': 'ASIAEXAMPLEKEY123456',
    }),
    hit('ct-3', '2021-04-27T10:25:00.000Z', {
      'event.action': 'ListBuckets',
      'event.outcome': 'failure',
      'source.ip': '198.51.100.7',
      'user.id': 'ASIAEXAMPLEKEY123456',
      'user_agent.original': XSS_USER_AGENT,
    }),
  ],
  facets: [{ field: 'event.outcome', label: 'Outcome', buckets: [{ value: 'success', count: 2 }, { value: 'failure', count: 1 }] }],
};

const ssh: EvidenceGroup = {
  id: 'linux_secure.ssh_success',
  source: 'linux_secure',
  title: 'Successful SSH logins from the remote addresses',
  question: 'Did the SSH brute force succeed?',
  indexPattern: 'log-linux-secure-*',
  indexPatternId: '52214a80-8cee-11ea-8245-b5a58f1d6758',
  timeField: '@timestamp',
  query: { bool: { filter: [{ terms: { 'source.ip': ['10.0.0.99'] } }] } },
  columns: ['@timestamp', 'event.outcome', 'user.name', 'source.ip'],
  total: 1,
  hop: 2,
  hits: [hit('ls-1', '2021-04-27T09:58:00.000Z', { 'event.outcome': 'success', 'user.name': 'alice', 'source.ip': '10.0.0.99' }, 'log-linux-secure-2021-04')],
  facets: [{ field: 'user.name', label: 'User name', buckets: [{ value: 'alice', count: 1 }] }],
};

const macie: EvidenceGroup = {
  id: 'securityhub.macie',
  source: 'securityhub',
  title: 'Macie findings of the buckets',
  question: 'Is the data in the affected buckets exposed?',
  indexPattern: 'log-aws-securityhub-*',
  indexPatternId: '1dfe5d30-8ba7-11ea-8245-b5a58f1d6758',
  timeField: '@timestamp',
  query: { bool: { filter: [] } },
  columns: ['@timestamp', 'Title'],
  total: 0,
  hop: 2,
  hits: [],
  facets: [],
};

/** The IAM playbook's rules in order: asked and found, asked and empty, not asked for want of an input. */
const checks: RuleCheck[] = [
  { rule: 'cloudtrail.access_key', source: 'cloudtrail', title: calls.title, question: calls.question, state: 'found', total: 3 },
  {
    rule: 'cloudtrail.principal_created',
    source: 'cloudtrail',
    title: 'Users and keys the principal created',
    question: 'Did the attacker create users or keys to stay in?',
    state: 'not_run',
    reason: 'this finding names no IAM user name',
  },
  { rule: 'linux_secure.ssh_success', source: 'linux_secure', title: ssh.title, question: ssh.question, state: 'found', total: 1 },
  {
    rule: 'securityhub.macie',
    source: 'securityhub',
    title: macie.title,
    question: macie.question,
    state: 'nothing_found',
    reason: 'Security Hub has no documents in this time window',
  },
];

export function investigationFixture(): Investigation {
  return {
    finding: {
      ref: { index: 'log-aws-guardduty-2021-04', id: 'gd/1' },
      findingId: 'f1',
      type: 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom',
      title: 'API GetObject was invoked from an IP address on a custom threat list.',
      severity: 5,
      severityLabel: 'medium',
      timestamp: '2021-04-27T10:30:00.000Z',
      firstSeen: '2021-04-27T10:24:03.000Z',
      lastSeen: '2021-04-27T10:25:00.000Z',
      count: 4,
      accountId: '123456789012',
      region: 'us-east-1',
      resourceType: 'AccessKey',
    },
    playbook: { id: 'iam', title: 'IAM credentials' },
    checks: checks.map((c) => ({ ...c })),
    window: { from: '2021-04-26T10:24:03.000Z', to: '2021-04-27T16:25:00.000Z' },
    entities: [
      { type: 'access_key', value: 'ASIAEXAMPLEKEY123456', sources: ['finding'] },
      { type: 'ip', value: '198.51.100.7', sources: ['finding'], role: 'remote' },
      { type: 'user', value: 'alice', sources: ['linux_secure.ssh_success'] },
    ],
    evidence: [calls, ssh, macie],
    timeline: [
      { timestamp: '2021-04-27T09:50:00.000Z', source: 'linux_secure', action: 'sshd failure', summary: '240 failure attempts as root ×200', outcome: 'failure', ref: { index: 'log-linux-secure-2021-04', id: 'ls-0' }, count: 240, lastTimestamp: '2021-04-27T09:57:00.000Z', evidence: 'linux_secure.ssh_from_attacker' },
      { timestamp: '2021-04-27T09:58:00.000Z', source: 'linux_secure', action: 'sshd login', summary: 'Accepted password for alice from 10.0.0.99', outcome: 'success', ref: { index: 'log-linux-secure-2021-04', id: 'ls-1' }, evidence: 'linux_secure.ssh_success' },
      { timestamp: '2021-04-27T10:21:19.000Z', source: 'cloudtrail', action: 'PutBucketAcl', summary: 'PutBucketAcl data-bucket (read granted to everyone)', outcome: 'success', ref: { index: 'log-aws-cloudtrail-2021-04', id: 'ct-1' }, evidence: 'cloudtrail.access_key' },
      { timestamp: '2021-04-27T10:24:03.000Z', source: 'cloudtrail', action: 'GetObject', summary: 'GetObject data-bucket/config.py by ASIAEXAMPLEKEY123456', outcome: 'success', ref: { index: 'log-aws-cloudtrail-2021-04', id: 'ct-2' }, evidence: 'cloudtrail.access_key' },
    ],
    graph: {
      nodes: [
        { id: 'finding:f1', type: 'finding', value: 'f1', label: 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom' },
        { id: 'access_key:ASIAEXAMPLEKEY123456', type: 'access_key', value: 'ASIAEXAMPLEKEY123456' },
        { id: 'ip:198.51.100.7', type: 'ip', value: '198.51.100.7' },
        { id: 'user:alice', type: 'user', value: 'alice' },
      ],
      edges: [
        { from: 'finding:f1', to: 'access_key:ASIAEXAMPLEKEY123456', relation: 'involves key', count: 1 },
        { from: 'access_key:ASIAEXAMPLEKEY123456', to: 'ip:198.51.100.7', relation: 'called from', count: 2 },
        { from: 'ip:198.51.100.7', to: 'user:alice', relation: 'logged in as', count: 1 },
      ],
    },
    story: [
      { text: 'The brute force succeeded: 10.0.0.99 logged in as "alice".', evidence: ['linux_secure.ssh_success'] },
      { text: 'With these credentials 3 API calls were made (1 failed).', evidence: ['cloudtrail.access_key'] },
      { text: 'Security Hub has no data for this window.', evidence: [] },
    ],
    coverage: [
      { source: 'guardduty', indexPattern: 'log-aws-guardduty-*', docsInWindow: 10 },
      { source: 'cloudtrail', indexPattern: 'log-aws-cloudtrail-*', docsInWindow: 300 },
      { source: 'linux_secure', indexPattern: 'log-linux-secure-*', docsInWindow: 500 },
      { source: 'securityhub', indexPattern: 'log-aws-securityhub-*', docsInWindow: 0 },
    ],
    omittedEntities: [],
    took: { ms: 42, roundTrips: 2 },
  };
}


/**
 * A finding whose questions all came back empty or could not be asked: the investigation holds the
 * finding itself and nothing else (a one-node graph, no evidence hits).
 */
export function loneFindingFixture(): Investigation {
  const base = investigationFixture();
  return {
    ...base,
    finding: { ...base.finding, type: 'Recon:EC2/PortProbeUnprotectedPort', title: 'Unprotected port on EC2 instance i-0abc is being probed.', resourceType: 'Instance' },
    playbook: { id: 'ec2', title: 'EC2 instance' },
    checks: [
      {
        rule: 'cloudtrail.instance',
        source: 'cloudtrail',
        title: 'API calls on the instance',
        question: 'What was done to the instance?',
        state: 'nothing_found',
        reason: 'no index matches log-aws-cloudtrail-*',
      },
      {
        rule: 'linux_secure.ssh_from_attacker',
        source: 'linux_secure',
        title: 'SSH attempts from the remote addresses',
        question: 'Did the remote address try to log in?',
        state: 'not_run',
        reason: 'this finding names no remote IP',
      },
      {
        rule: 'securityhub.resource',
        source: 'securityhub',
        title: 'Security Hub findings of the resource',
        question: 'What else is known about the instance?',
        state: 'not_run',
        reason: `no permission: your roles do not allow reading these indices ${XSS_USER_AGENT}`,
      },
    ],
    entities: [{ type: 'instance', value: 'i-0abc', sources: ['finding'] }],
    evidence: [],
    timeline: [],
    graph: { nodes: [{ id: 'finding:f1', type: 'finding', value: 'f1', label: 'Recon:EC2/PortProbeUnprotectedPort' }], edges: [] },
    story: [],
    took: { ms: 9, roundTrips: 1 },
  };
}
