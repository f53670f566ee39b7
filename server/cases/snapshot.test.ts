import { CASE_LIMITS, orderedSnapshotFields } from '../../common/case_types';
import { DEFAULT_SOURCES, resolveSources } from '../../common/sources';
import { example, ExampleName } from '../../test/fixtures/example_docs';
import { buildSnapshot } from './snapshot';

function snapshotOf(name: ExampleName) {
  const doc = example(name);
  return buildSnapshot({ index: doc._index, id: doc._id }, doc._source, DEFAULT_SOURCES);
}

describe('buildSnapshot', () => {
  it('keeps a GuardDuty finding readable: title, type, severity and the columns the analyst saw', () => {
    const s = snapshotOf('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom');
    expect(s.source).toBe('guardduty');
    expect(s.title).toMatch(/.+/);
    expect(s.fields).toMatchObject({ type: 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom', id: '8ebc3ff5a1e4d2c0f6a7b8c9d0e1f2a3' });
    expect(s.fields.severity).toBeDefined();
    expect(s.timestamp).toMatch(/^2021-04-27T/);
    expect(s.truncated).toBeUndefined();
  });

  it('says what a CloudTrail event was and keeps its key fields in column order', () => {
    const s = snapshotOf('cloudtrail_PutBucketAcl');
    expect(s.source).toBe('cloudtrail');
    expect(s.title).toBe('PutBucketAcl (success) by threat-detection-wksp-compromised-ec2');
    expect(s.fields['requestParameters.bucketName']).toBe('threat-detection-wksp-123456789012-us-west-2-data');
    const keys = Object.keys(s.fields);
    expect(keys.indexOf('@timestamp')).toBeLessThan(keys.indexOf('event.action'));
    expect(keys).not.toContain('@message');
  });

  it('uses the syslog line as the title of a Linux secure event', () => {
    expect(snapshotOf('linux_secure_failed_password_root').title).toBe('Failed password for root from 10.0.1.214 port 46722 ssh2');
  });

  it('uses the Security Hub title', () => {
    expect(snapshotOf('securityhub_macie_s3_bucket_public').title).toBe('The S3 bucket threat-detection-wksp-123456789012-us-west-2-data is publicly accessible.');
  });

  it('keeps generic fields of a document from no known source', () => {
    const s = buildSnapshot({ index: 'app-logs', id: '1' }, { '@timestamp': '2026-08-01T10:00:00Z', message: 'login failed', user: { name: 'root' } }, DEFAULT_SOURCES);
    expect(s).toEqual({ source: null, timestamp: '2026-08-01T10:00:00Z', title: 'login failed', fields: { message: 'login failed', 'user.name': 'root', '@timestamp': '2026-08-01T10:00:00Z' } });
  });

  it('falls back to the reference as title', () => {
    expect(buildSnapshot({ index: 'app-logs', id: '42' }, { foo: 1 }, DEFAULT_SOURCES).title).toBe('app-logs/42');
  });

  it('bounds huge values, long arrays and the total size, and says so', () => {
    const doc = example('cloudtrail_PutBucketAcl');
    doc._source.user_agent = { original: 'A'.repeat(50000) };
    doc._source.related = { ip: Array.from({ length: 100 }, (_, i) => `10.0.0.${i}`) };
    doc._source.source = { ip: Array.from({ length: 100 }, (_, i) => `10.0.1.${i}`) };
    const s = buildSnapshot({ index: doc._index, id: doc._id }, doc._source, DEFAULT_SOURCES);
    expect(s.truncated).toBe(true);
    expect((s.fields['user_agent.original'] as string).length).toBe(CASE_LIMITS.snapshotValueLength);
    expect(s.fields['source.ip']).toHaveLength(CASE_LIMITS.snapshotValuesPerField);
    expect(JSON.stringify(s.fields).length).toBeLessThanOrEqual(CASE_LIMITS.snapshotBytes);
  });
});

describe('orderedSnapshotFields', () => {
  it('shows the fields in the source column order whatever order storage gave them back in', () => {
    const s = snapshotOf('cloudtrail_PutBucketAcl');
    const shuffled = { ...s, fields: Object.fromEntries(Object.entries(s.fields).reverse()) };
    const keys = orderedSnapshotFields(shuffled).map(([k]) => k);
    expect(keys.slice(0, 3)).toEqual(['@timestamp', 'event.action', 'event.outcome']);
    expect(keys).toEqual(orderedSnapshotFields(s).map(([k]) => k));
  });
});

describe('snapshots follow the deployment', () => {
  it('keeps the columns a deployment configured for the source', () => {
    const doc = example('cloudtrail_PutBucketAcl');
    const sources = resolveSources({ cloudtrail: { columns: ['@timestamp', 'requestParameters.x-amz-grant-read'] } });
    const s = buildSnapshot({ index: doc._index, id: doc._id }, doc._source, sources);
    expect(s.fields['requestParameters.x-amz-grant-read']).toBe('uri=http://acs.amazonaws.com/groups/global/AllUsers');
  });
});
