import { DEFAULT_SOURCES } from '../../common/sources';
import { example } from '../../test/fixtures/example_docs';
import { keyFields, suggestedCaseTitle } from './document_fields';

const refOf = (d: { _index: string; _id: string }) => ({ index: d._index, id: d._id });

describe('document summaries', () => {
  it('suggests the finding title for GuardDuty and Security Hub findings', () => {
    const gd = example('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom');
    expect(suggestedCaseTitle(gd._source, 'guardduty', refOf(gd))).toBe(gd._source.title);
    const macie = example('securityhub_macie_s3_bucket_public');
    expect(suggestedCaseTitle(macie._source, 'securityhub', refOf(macie))).toBe(macie._source.Title);
  });

  it('says what an event was', () => {
    const get = example('cloudtrail_GetObject_config_py');
    expect(suggestedCaseTitle(get._source, 'cloudtrail', refOf(get))).toMatch(/^GetObject \(success\) by /);
    const ssh = example('linux_secure_accepted_password_alice');
    expect(suggestedCaseTitle(ssh._source, 'linux_secure', refOf(ssh))).toContain('Accepted password for alice');
    expect(suggestedCaseTitle({}, null, { index: 'app-logs', id: 'x1' })).toBe('Document x1 in app-logs');
  });

  it('lists the source columns present in the document, in column order', () => {
    const get = example('cloudtrail_GetObject_config_py');
    const fields = keyFields(get._source, 'cloudtrail', DEFAULT_SOURCES).map((f) => f.field);
    expect(fields[0]).toBe('@timestamp');
    expect(fields).toContain('requestParameters.key');
    expect(fields.indexOf('event.action')).toBeLessThan(fields.indexOf('requestParameters.key'));
  });
});
