import { validateMergeBody } from './case_merge';
import { repairItem } from '../cases/repair';

/** The validator as OSD's router calls it: `(data, {ok, badRequest})`. */
function run(data: unknown): { value?: unknown; error?: string } {
  const res = validateMergeBody(data, { ok: (value: unknown) => ({ value }), badRequest: (error: string) => ({ error }) } as never) as { value?: unknown; error?: unknown };
  return { ...(res.value !== undefined ? { value: res.value } : {}), ...(res.error !== undefined ? { error: String((res.error as { message?: string })?.message ?? res.error) } : {}) };
}

describe('POST /cases/{id}/merge body', () => {
  it('takes the source id or reference, trimmed', () => {
    expect(run({ source: ' SIR-12 ' })).toEqual({ value: { source: 'SIR-12' } });
    expect(run({ source: 'a1b2' })).toEqual({ value: { source: 'a1b2' } });
  });

  it.each([
    [undefined, /body is required/],
    [{}, /source is required/],
    [{ source: '' }, /must not be empty/],
    [{ source: '   ' }, /must not be empty/],
    [{ source: 12 }, /source/],
    [{ source: 'x'.repeat(251) }, /source/],
    [{ source: 'a', version: 'v' }, /version/],
  ])('refuses %j', (body, message) => {
    expect(run(body).error).toMatch(message);
  });
});

describe('merge entries read back from storage', () => {
  it('keeps a well-formed case_merged / merged_into entry and drops one without a case id', () => {
    const problems: string[] = [];
    const base = { at: '2026-12-03T10:00:00.000Z', by: 'alice' };
    expect(repairItem('activity', { ...base, action: 'case_merged', caseId: 'c12', reference: 'SIR-12', title: 'T', attachments: 2, duplicates: 1, comments: 3, activity: 4 }, problems)).toEqual({
      ...base,
      action: 'case_merged',
      caseId: 'c12',
      reference: 'SIR-12',
      title: 'T',
      attachments: 2,
      duplicates: 1,
      comments: 3,
      activity: 4,
    });
    expect(repairItem('activity', { ...base, action: 'merged_into', caseId: 'c7', title: 'Kept', extra: 1 }, problems)).toEqual({ ...base, action: 'merged_into', caseId: 'c7', title: 'Kept' });
    expect(repairItem('activity', { ...base, action: 'merged_into', title: 'no id' }, problems)).toBeUndefined();
    expect(repairItem('activity', { ...base, action: 'case_merged', caseId: 'c1', attachments: -1 }, problems)).toMatchObject({ attachments: 0, title: 'c1' });
  });
});
