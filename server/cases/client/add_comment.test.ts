import { CASE_LIMITS } from '../../../common/case_types';
import { newCaseAttributes } from './create';
import { appendComment } from './add_comment';

const alice = { by: 'alice', at: '2026-08-01T10:00:00.000Z' };
const bob = { by: 'bob', at: '2026-08-01T10:05:00.000Z' };

describe('appendComment', () => {
  it('appends the comment with the server-side author and time, and logs it', () => {
    const next = appendComment(newCaseAttributes({ title: 'x' }, alice), { id: 'c1', text: 'Key **revoked**.' }, bob);
    expect(next.comments).toEqual([{ id: 'c1', text: 'Key **revoked**.', createdAt: bob.at, createdBy: 'bob' }]);
    expect(next.commentCount).toBe(1);
    expect(next.activity.at(-1)).toEqual({ at: bob.at, by: 'bob', action: 'comment_added', commentId: 'c1' });
    expect([next.updatedAt, next.updatedBy]).toEqual([bob.at, 'bob']);
  });

  it(`refuses comment number ${CASE_LIMITS.comments + 1}`, () => {
    const current = newCaseAttributes({ title: 'x' }, alice);
    current.comments = Array.from({ length: CASE_LIMITS.comments }, (_, i) => ({ id: `c${i}`, text: 't', createdAt: alice.at, createdBy: 'alice' }));
    expect(() => appendComment(current, { id: 'late', text: 'one more' }, bob)).toThrow(`(limit ${CASE_LIMITS.comments})`);
  });
});
