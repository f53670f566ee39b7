import { flattenDocument } from '../../common/flatten';
import { documentTitle } from '../../common/sources';
import { s3AccessLogDoc, syslogDoc, windowsLogonDoc } from '../../test/fixtures/host_and_data_sources';
import { SEC } from '../../test/fixtures/es_loader';
import { GraphBuilder } from '../correlation/graph_builder';
import { linuxOsServer, newAccountName } from './linux_os';
import { s3accesslogServer, s3Operation } from './s3accesslog';
import { windowsEventServer } from './windows_event';

const o = { accountId: '123456789012', region: 'us-east-1' };
const t = Date.parse('2021-04-27T10:21:00Z') * 1000;
const s3 = (over: Partial<Parameters<typeof s3AccessLogDoc>[0]> = {}) =>
  flattenDocument(
    s3AccessLogDoc({ t, bucket: 'data-bucket', operation: 'REST.GET.OBJECT', key: 'hr/pay roll.xlsx', remoteIp: '203.0.113.5', requester: 'arn:aws:iam::123456789012:user/alice', bytesSent: 2048, ...over }, o)._source
  );
const logon = (over: Partial<Parameters<typeof windowsLogonDoc>[0]> = {}) =>
  flattenDocument(windowsLogonDoc({ t, eventId: '4624', instanceId: 'i-0123456789abcdef0', computer: 'EC2AMAZ-1', targetUser: 'Administrator', ipAddress: '203.0.113.5', logonType: '10', recordId: 1, ...over }, o)._source);

describe('S3 server access log adapter', () => {
  it('stores the line as es-loader does: user.name is the last part of the requester, `-` values are dropped', () => {
    const d = s3();
    expect(d['user.name']).toBe('alice');
    expect(d['Key']).toBe('hr/pay%20roll.xlsx');
    expect(d['source.ip']).toBe('203.0.113.5');
    expect(d['VersionId']).toBeUndefined();
    const anonymous = s3({ requester: undefined });
    expect(anonymous['user.name']).toBeUndefined();
    expect(anonymous['Requester']).toBeUndefined();
  });

  it('titles, describes and links a request', () => {
    expect(documentTitle('s3accesslog', s3())).toBe('REST.GET.OBJECT data-bucket/hr/pay%20roll.xlsx by alice');
    expect(s3Operation('REST.PUT.OBJECT')).toBe('PUT OBJECT');
    expect(s3accesslogServer.describe(s3(), 'x')).toMatchObject({ action: 'S3 GET OBJECT', outcome: 'success', summary: 'alice from 203.0.113.5: GET OBJECT data-bucket/hr/pay%20roll.xlsx → 200, 2048 bytes sent' });
    expect(s3accesslogServer.describe(s3({ status: 403 }), 'x').outcome).toBe('failure');
    const b = new GraphBuilder();
    s3accesslogServer.link(b, s3(), 0);
    s3accesslogServer.link(b, s3({ operation: 'REST.PUT.OBJECT', remoteIp: '203.0.113.6' }), 1);
    expect(b.build().edges.map((e) => `${e.from} ${e.relation} ${e.to}`).sort()).toEqual(['ip:203.0.113.5 read objects of bucket:data-bucket', 'ip:203.0.113.6 wrote objects to bucket:data-bucket']);
  });
});

describe('Windows event log adapter', () => {
  it('keeps ECS user.name as es-loader sets it (the subject: the machine account) and reads the target account', () => {
    const d = logon();
    expect(d['user.name']).toBe('EC2AMAZ-1$');
    expect(d['Event.EventData.Data.TargetUserName']).toBe('Administrator');
    expect(logon({ eventId: '4625', targetUser: 'admin' })['user.name']).toBe('admin');
    expect(documentTitle('windows_event', d)).toBe('Windows event 4624 logon Administrator from 203.0.113.5');
  });

  it('merges failed logons of one address into one run and tells it with the names tried', () => {
    const fail = windowsEventServer.describe(logon({ eventId: '4625', targetUser: 'admin' }), 'x');
    expect(fail).toMatchObject({ failed: true, failedUser: 'admin', spanKey: '203.0.113.5', outcome: 'failure' });
    expect(windowsEventServer.describe(logon({ eventId: '4625', targetUser: 'root', recordId: 2 }), 'x').mergeKey).toBe(fail.mergeKey);
    const ok = windowsEventServer.describe(logon(), 'x');
    expect(ok.summary).toBe('4624 logon (RDP) as Administrator from 203.0.113.5 on i-0123456789abcdef0');
    const run = windowsEventServer.summarizeRun!({
      source: 'windows_event',
      timestamp: 'x',
      action: 'Windows logon-failed',
      summary: fail.summary,
      ref: { index: 'i', id: '1' },
      evidence: 'windows_event.logons_from_attacker',
      count: 5,
      mergeKey: fail.mergeKey,
      failures: 5,
      users: new Map([['admin', 3], ['root', 2]]),
    });
    expect(run).toMatchObject({ action: 'Windows failed logons', count: 5, summary: '5 failed logons as admin ×3, root ×2 from 203.0.113.5' });
  });
});

describe('Linux OS syslog adapter', () => {
  const line = (proc: string, message: string) => syslogDoc({ t: t + SEC, instanceId: 'i-0123456789abcdef0', hostname: 'ip-10-0-0-15', proc, pid: 1234, message }, o);

  it('routes sudo and su to log-linux-secure and the rest to log-linux-os, as sf_linux_os_syslog.py does', () => {
    expect(line('useradd', 'new user: name=backup2, UID=1002')._index).toBe('log-linux-os-2021-04');
    expect(line('sudo', 'alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/id')._index).toBe('log-linux-secure-2021-04');
    expect(line('su', 'pam_unix(su:session): session opened for user root by alice(uid=0)')._index).toBe('log-linux-secure-2021-04');
    const sudo = flattenDocument(line('sudo', 'alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/id')._source);
    expect([sudo['user.name'], sudo['event.action'], sudo['event.outcome']]).toEqual(['alice', '/bin/id', 'success']);
  });

  it('names the account a useradd line creates, and links it to the instance', () => {
    expect(newAccountName('new user: name=backup2, UID=1002, GID=1002')).toBe('backup2');
    expect(newAccountName('new group: name=backup2, GID=1002')).toBeUndefined();
    const b = new GraphBuilder();
    linuxOsServer.link(b, flattenDocument(line('useradd', 'new user: name=backup2, UID=1002')._source), 0);
    expect(b.build().edges.map((e) => `${e.from} ${e.relation} ${e.to}`)).toEqual(['instance:i-0123456789abcdef0 account created user:backup2']);
  });
});
