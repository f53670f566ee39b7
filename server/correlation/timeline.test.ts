import { buildTimeline } from './timeline';
import { flattenDocument } from '../../common/flatten';
import { ParsedGroup } from './response_parser';
import { example } from '../../test/fixtures/example_docs';

function group(id: string, source: ParsedGroup['source'], docs: Array<{ _index: string; _id: string; _source: Record<string, any> }>): ParsedGroup {
  return {
    id,
    source,
    title: id,
    question: '?',
    indexPattern: 'x',
    indexPatternId: 'x-id',
    timeField: '@timestamp',
    query: {},
    columns: [],
    total: docs.length,
    facets: [],
    yieldValues: [],
    hop: 1,
    hits: docs.map((d) => ({ ref: { index: d._index, id: d._id }, timestamp: d._source['@timestamp'], fields: {}, doc: flattenDocument(d._source) })),
  };
}

function sshLine(n: number, user: string, outcome: 'failure' | 'success' = 'failure') {
  const d = example(outcome === 'success' ? 'linux_secure_accepted_password_alice' : 'linux_secure_failed_password_root');
  d._id = `ssh-${n}`;
  d._source['@timestamp'] = `2021-04-27T10:22:${String(n).padStart(2, '0')}+00:00`;
  d._source.user.name = user;
  d._source.syslog_message = `${outcome === 'success' ? 'Accepted' : 'Failed'} password for ${user} from 10.0.1.214 port 4${n} ssh2`;
  return d;
}

describe('timeline', () => {
  it('orders events of all sources by time and names each action', () => {
    const t = buildTimeline([
      group('cloudtrail.object_access', 'cloudtrail', [example('cloudtrail_GetObject_config_py')]),
      group('cloudtrail.bucket_permissions', 'cloudtrail', [example('cloudtrail_PutBucketAcl')]),
      group('linux_secure.ssh_success', 'linux_secure', [example('linux_secure_accepted_password_alice')]),
    ]);
    expect(t.map((e) => [e.timestamp.slice(11, 19), e.action])).toEqual([
      ['10:21:19', 'PutBucketAcl'],
      ['10:22:14', 'sshd Accepted'],
      ['10:24:03', 'GetObject'],
    ]);
    expect(t[0].summary).toContain('read granted to everyone');
    expect(t[2].summary).toContain('threat-detection-wksp-123456789012-us-west-2-data/config.py');
    expect(t[2].evidence).toBe('cloudtrail.object_access');
  });

  it('merges a run of failed logins from one address into one entry with the names tried', () => {
    const fails = [1, 2, 3, 4, 5].map((n) => sshLine(n, n === 3 ? 'admin' : 'root'));
    const t = buildTimeline([group('linux', 'linux_secure', [...fails, sshLine(6, 'alice', 'success')])]);
    expect(t).toHaveLength(2);
    expect(t[0]).toMatchObject({ count: 5, timestamp: '2021-04-27T10:22:01+00:00', lastTimestamp: '2021-04-27T10:22:05+00:00' });
    expect(t[0].summary).toBe('5 failed logins as root ×4, admin ×1 from 10.0.1.214');
    expect(t[1].outcome).toBe('success');
  });

  it('keeps one entry per repeated event even when other events fall in between', () => {
    const closed = (n: number) => {
      const d = sshLine(n, 'root');
      d._source.event = { ...d._source.event, action: 'Connection closed' };
      delete d._source.event.outcome;
      delete d._source.user;
      return d;
    };
    const gets = [3, 5, 7].map((m) => {
      const d = example('cloudtrail_GetObject_config_py');
      d._id = `get-${m}`;
      d._source['@timestamp'] = `2021-04-27T10:2${m}:03+00:00`;
      return d;
    });
    const t = buildTimeline([
      group('linux', 'linux_secure', [sshLine(1, 'root'), closed(2), sshLine(3, 'root'), sshLine(4, 'alice', 'success'), sshLine(5, 'admin')]),
      group('ct', 'cloudtrail', gets),
    ]);
    expect(t.map((e) => [e.action, e.count ?? 1])).toEqual([
      ['sshd failed logins', 3],
      ['sshd Accepted', 1],
      ['GetObject', 3],
    ]);
    expect(t[2].lastTimestamp).toBe('2021-04-27T10:27:03+00:00');
  });

  it('says when a group had more hits than it read, so counts are lower bounds', () => {
    const g = group('linux', 'linux_secure', [sshLine(1, 'root'), sshLine(2, 'root')]);
    g.total = 286;
    expect(buildTimeline([g])[0]).toMatchObject({ count: 2, partial: true });
  });

  it('lists a document once even when several groups found it', () => {
    const d = example('cloudtrail_PutBucketAcl');
    const t = buildTimeline([group('a', 'cloudtrail', [d]), group('b', 'cloudtrail', [d])]);
    expect(t).toHaveLength(1);
    expect(t[0].evidence).toBe('a');
  });

  it('places a GuardDuty finding at its first activity, not at its last update', () => {
    const t = buildTimeline([group('gd', 'guardduty', [example('guardduty_ec2_SSHBruteForce')])]);
    expect(t[0].timestamp).toBe('2021-04-27T10:22:01Z');
    expect(t[0].action).toBe('UnauthorizedAccess:EC2/SSHBruteForce');
  });
});
