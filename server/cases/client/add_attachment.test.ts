import { CASE_LIMITS } from '../../../common/case_types';
import { newCaseAttributes } from './create';
import { appendAttachment, NewAttachment } from './add_attachment';

const alice = { by: 'alice', at: '2026-08-01T10:00:00.000Z' };
const bob = { by: 'bob', at: '2026-08-01T10:05:00.000Z' };

const putBucketAcl: NewAttachment = {
  id: 'a1',
  type: 'event',
  ref: { index: 'log-aws-cloudtrail-2021-04', id: '2b1f4c6e-9a8d-4e3f-b2c1-0d9e8f7a6b5c' },
  snapshot: { source: 'cloudtrail', title: 'PutBucketAcl (success) by threat-detection-wksp-compromised-ec2', fields: { 'event.action': 'PutBucketAcl' } },
};

describe('appendAttachment', () => {
  it('attaches the document with its snapshot and logs who attached what', () => {
    const next = appendAttachment(newCaseAttributes({ title: 'x' }, alice), putBucketAcl, bob)!;
    expect(next.attachments).toEqual([{ ...putBucketAcl, addedAt: bob.at, addedBy: 'bob' }]);
    expect(next.attachmentCount).toBe(1);
    expect(next.activity.at(-1)).toEqual({
      at: bob.at,
      by: 'bob',
      action: 'attachment_added',
      attachmentId: 'a1',
      attachmentType: 'event',
      ref: putBucketAcl.ref,
      title: putBucketAcl.snapshot.title,
    });
  });

  it('attaches a document only once', () => {
    const once = appendAttachment(newCaseAttributes({ title: 'x' }, alice), putBucketAcl, bob)!;
    expect(appendAttachment(once, { ...putBucketAcl, id: 'a2', type: 'finding' }, bob)).toBeNull();
  });

  it(`refuses attachment number ${CASE_LIMITS.attachments + 1}`, () => {
    const current = newCaseAttributes({ title: 'x' }, alice);
    current.attachments = Array.from({ length: CASE_LIMITS.attachments }, (_, i) => ({
      ...putBucketAcl,
      id: `a${i}`,
      ref: { index: 'log-aws-cloudtrail-2021-04', id: `doc-${i}` },
      addedAt: alice.at,
      addedBy: 'alice',
    }));
    expect(() => appendAttachment(current, putBucketAcl, bob)).toThrow(`(limit ${CASE_LIMITS.attachments})`);
  });
});
