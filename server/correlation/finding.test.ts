import { example } from '../../test/fixtures/example_docs';
import { EntitySet } from './entity_set';
import { guardDutyTitle, guardDutyType } from '../../common/sources/guardduty';
import { addFindingEntities, isGuardDutyFinding, severityLabel, summarizeFinding } from './finding';
import { flattenDocument } from '../../common/flatten';

const flat = (name: Parameters<typeof example>[0]) => flattenDocument(example(name)._source);

function entitiesOf(name: Parameters<typeof example>[0]) {
  const set = new EntitySet();
  addFindingEntities(flat(name), set, 'finding');
  return set;
}

describe('reading a GuardDuty finding', () => {
  it('finds the stolen key, its role, the instance behind the role session and the caller address in an IAM finding', () => {
    const set = entitiesOf('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom');
    expect(set.values('access_key')).toEqual(['ASIAEXAMPLEKEY123456']);
    expect(set.values('role')).toEqual(['threat-detection-wksp-compromised-ec2']);
    expect(set.values('user')).toEqual([]);
    // Only inside the principal id `AROA…:i-…`: IAM findings have no instanceDetails.
    expect(set.values('instance')).toEqual(['i-0a1b2c3d4e5f67890']);
    expect(set.values('ip', 'remote')).toEqual(['54.190.10.20']);
    expect(set.values('bucket')).toEqual(['threat-detection-wksp-123456789012-us-west-2-logs']);
    expect(set.values('account')).toEqual(['123456789012']);
    expect(set.values('region')).toEqual(['us-west-2']);
  });

  it('takes the brute-force address as remote and the instance addresses as local', () => {
    const set = entitiesOf('guardduty_ec2_SSHBruteForce');
    expect(set.values('ip', 'remote')).toEqual(['10.0.1.214']);
    expect(set.values('ip', 'local').sort()).toEqual(['10.0.0.15', '34.219.77.88']);
    expect(set.values('instance')).toEqual(['i-0a1b2c3d4e5f67890']);
  });

  it('is not fooled by the source/destination swap of outbound findings', () => {
    const doc = flat('guardduty_ec2_MaliciousIPCaller_Custom_outbound');
    // es-loader put the instance into source.ip: the attacker is in destination.ip.
    expect(doc['source.ip']).toBe('10.0.0.15');
    const set = new EntitySet();
    addFindingEntities(doc, set, 'finding');
    expect(set.values('ip', 'remote')).toEqual(['54.190.10.20']);
  });

  it('falls back to the ECS fields with the direction in mind when raw action details are missing', () => {
    const src = example('guardduty_ec2_MaliciousIPCaller_Custom_outbound')._source;
    delete src.service.action;
    const set = new EntitySet();
    addFindingEntities(flattenDocument(src), set, 'finding');
    expect(set.values('ip', 'remote')).toEqual(['54.190.10.20']);
  });

  it('reads type and title from both SIEM mappings (before and after v2.7.0)', () => {
    const current = flat('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom');
    expect(guardDutyType(current)).toBe('UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom');
    const legacySrc = example('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom')._source;
    const title = legacySrc.title;
    delete legacySrc.type;
    delete legacySrc.title;
    legacySrc.rule = { name: 'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom', description: title };
    const legacy = flattenDocument(legacySrc);
    expect(guardDutyType(legacy)).toBe('UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom');
    expect(guardDutyTitle(legacy)).toBe(title);
  });

  it('summarizes a finding for the findings list', () => {
    const d = example('guardduty_ec2_SSHBruteForce');
    const s = summarizeFinding(d._index, d._id, flattenDocument(d._source));
    expect(s).toMatchObject({
      findingId: 'a6bc3ff7c2d1e0f9a8b7c6d5e4f3a2b1',
      type: 'UnauthorizedAccess:EC2/SSHBruteForce',
      severity: 2,
      severityLabel: 'low',
      count: 4,
      firstSeen: '2021-04-27T10:22:01Z',
      resourceType: 'Instance',
    });
  });

  it('labels severities like GuardDuty, including critical (> 8.9), which es-loader cannot', () => {
    expect([1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityLabel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });

  it('accepts GuardDuty findings only', () => {
    expect(isGuardDutyFinding(flat('guardduty_ec2_SSHBruteForce'))).toBe(true);
    expect(isGuardDutyFinding(flat('cloudtrail_PutBucketAcl'))).toBe(false);
    expect(isGuardDutyFinding(flat('securityhub_macie_s3_bucket_public'))).toBe(false);
  });

  it('drops values that are not what their entity type promises', () => {
    const src = example('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom')._source;
    src.resource.accessKeyDetails.accessKeyId = 'ASIA" OR *:*';
    src.service.action.awsApiCallAction.remoteIpDetails.ipAddressV4 = '54.190.10.20 OR 1=1';
    const set = new EntitySet();
    addFindingEntities(flattenDocument(src), set, 'finding');
    // The hostile key is dropped; the ECS copy user.id still holds the real one.
    expect(set.values('access_key')).toEqual(['ASIAEXAMPLEKEY123456']);
    expect(set.values('ip', 'remote')).toEqual(['54.190.10.20']);
    src.user.id = 'ASIA" OR *:*';
    const again = new EntitySet();
    addFindingEntities(flattenDocument(src), again, 'finding');
    expect(again.values('access_key')).toEqual([]);
  });
});
