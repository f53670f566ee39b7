import { attachmentTypeOf, DEFAULT_SOURCES, patternsByCluster, remoteClusterOf, resolveSources, sourceOfIndex } from '.';

describe('source definitions', () => {
  it('keeps the SIEM defaults when nothing is overridden', () => {
    expect(resolveSources().cloudtrail.indexPattern).toBe('log-aws-cloudtrail-*');
  });

  it('applies a deployment override and ignores empty values', () => {
    const s = resolveSources({ cloudtrail: { indexPattern: 'ct-*' }, guardduty: { indexPattern: '  ' } });
    expect(s.cloudtrail.indexPattern).toBe('ct-*');
    expect(s.guardduty.indexPattern).toBe(DEFAULT_SOURCES.guardduty.indexPattern);
  });

  it('lets a deployment choose the columns of a source', () => {
    expect(resolveSources({ linux_secure: { columns: ['@timestamp', 'message'] } }).linux_secure.columns).toEqual(['@timestamp', 'message']);
    expect(resolveSources({ linux_secure: { columns: [] } }).linux_secure.columns).toEqual(DEFAULT_SOURCES.linux_secure.columns);
  });

  it('maps monthly, daily and numbered indices to their source', () => {
    expect(sourceOfIndex('log-aws-guardduty-2021-04', DEFAULT_SOURCES)).toBe('guardduty');
    expect(sourceOfIndex('log-aws-cloudtrail-000003', DEFAULT_SOURCES)).toBe('cloudtrail');
    expect(sourceOfIndex('log-linux-secure-2021-04-27', DEFAULT_SOURCES)).toBe('linux_secure');
    expect(sourceOfIndex('log-aws-vpcflowlogs-2021-04', DEFAULT_SOURCES)).toBe('vpcflowlogs');
    expect(sourceOfIndex('log-aws-r53resolver-000001', DEFAULT_SOURCES)).toBe('r53resolver');
    expect(sourceOfIndex('log-aws-s3accesslog-2021-04', DEFAULT_SOURCES)).toBe('s3accesslog');
    expect(sourceOfIndex('log-win-event-2021-04', DEFAULT_SOURCES)).toBe('windows_event');
    expect(sourceOfIndex('log-linux-os-2021-04', DEFAULT_SOURCES)).toBe('linux_os');
    expect(sourceOfIndex('log-aws-waf-2021-04', DEFAULT_SOURCES)).toBe('waf');
    expect(sourceOfIndex('log-aws-elb-000001', DEFAULT_SOURCES)).toBe('elb');
    expect(sourceOfIndex('log-aws-networkfirewall-2021-04-27', DEFAULT_SOURCES)).toBe('networkfirewall');
    expect(sourceOfIndex('log-aws-config-2021-04', DEFAULT_SOURCES)).toBe('config');
    expect(sourceOfIndex('log-aws-cloudfront-2021-04', DEFAULT_SOURCES)).toBeNull();
  });

  it('does not treat regex characters in patterns as regex', () => {
    const s = resolveSources({ guardduty: { indexPattern: 'gd.(x)-*' } });
    expect(sourceOfIndex('gd.(x)-1', s)).toBe('guardduty');
    expect(sourceOfIndex('gdA(x)-1', s)).toBeNull();
  });
});

describe('attachment type of a source', () => {
  it('calls GuardDuty and Security Hub documents findings, everything else events', () => {
    expect([attachmentTypeOf('guardduty'), attachmentTypeOf('securityhub'), attachmentTypeOf('cloudtrail'), attachmentTypeOf('linux_secure'), attachmentTypeOf(null)]).toEqual([
      'finding',
      'finding',
      'event',
      'event',
      'event',
    ]);
  });
});

describe('index patterns across clusters', () => {
  it('splits a pattern by cluster, local first, and finds the source of a remote index', () => {
    expect(patternsByCluster('a-*, other:a-*,b-*,x:c-*,other:d-*')).toEqual([
      { cluster: '(local)', pattern: 'a-*,b-*' },
      { cluster: 'other', pattern: 'other:a-*,other:d-*' },
      { cluster: 'x', pattern: 'x:c-*' },
    ]);
    expect(remoteClusterOf('other:log-aws-cloudtrail-2021-04')).toBe('other');
    expect(remoteClusterOf('log-aws-cloudtrail-2021-04')).toBeUndefined();
    const sources = resolveSources({ cloudtrail: { indexPattern: 'log-aws-cloudtrail-*,other:log-aws-cloudtrail-*' } });
    expect(sourceOfIndex('other:log-aws-cloudtrail-2021-04', sources)).toBe('cloudtrail');
    expect(sourceOfIndex('third:log-aws-cloudtrail-2021-04', sources)).toBeNull();
  });
});
