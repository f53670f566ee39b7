import { validateFindingsQuery } from './findings';
import { validateInvestigateBody } from './investigate';

const result = {
  ok: <T>(value: T) => ({ value }),
  badRequest: (error: Error | string) => ({ error: error instanceof Error ? error : new Error(error) }),
};

function run(fn: typeof validateInvestigateBody | typeof validateFindingsQuery, data: unknown) {
  const r = fn(data, result) as { value?: any; error?: Error };
  return r.error ? { error: r.error.message } : { value: r.value };
}

describe('investigate request validation', () => {
  it('accepts any concrete index name OpenSearch allows', () => {
    for (const index of ['log-aws-guardduty-2021-04', 'foo_bar-2024', '.ds-logs-000001']) {
      expect(run(validateInvestigateBody, { finding: { index, id: 'x' } }).value).toEqual({ finding: { index, id: 'x' } });
    }
  });

  it('accepts a finding reference and an optional window', () => {
    // A remote cluster's index (cross-cluster search) is a concrete index too.
    expect(run(validateInvestigateBody, { finding: { index: 'other:log-aws-guardduty-2021-04', id: 'abc_9' } })).toEqual({ value: { finding: { index: 'other:log-aws-guardduty-2021-04', id: 'abc_9' } } });
    expect(run(validateInvestigateBody, { finding: { index: 'log-aws-guardduty-2021-04', id: 'abc_9' }, window: { before: '2h' } })).toEqual({
      value: { finding: { index: 'log-aws-guardduty-2021-04', id: 'abc_9' }, window: { before: '2h' } },
    });
  });

  it.each([
    [undefined, /body with "finding"/],
    [{}, /finding is required/],
    [{ finding: { index: 'log-*', id: 'x' } }, /concrete lower-case index name/],
    [{ finding: { index: 'a,b', id: 'x' } }, /concrete/],
    [{ finding: { index: 'other:log-*', id: 'x' } }, /concrete/],
    [{ finding: { index: 'a:b:c', id: 'x' } }, /concrete/],
    [{ finding: { index: ':idx', id: 'x' } }, /concrete/],
    [{ finding: { index: 'idx', id: '' } }, /must not be empty/],
    [{ finding: { index: 'idx', id: 'x', extra: 1 } }, /unknown field\(s\): extra/],
    [{ finding: { index: 'idx', id: 'x' }, other: true }, /unknown field\(s\): other/],
    [{ finding: { index: '_all', id: 'x' } }, /concrete/],
    [{ finding: { index: 'Logs', id: 'x' } }, /concrete/],
    [{ finding: { index: 'idx', id: 'x' }, window: { before: '1y' } }, /duration/],
    [{ finding: { index: 'idx', id: 'x' }, window: { before: '40d' } }, /window.before \+ window.after may span at most 30 days/],
    [{ finding: 'idx/x' }, /must be an object/],
  ])('rejects %j with a clear message', (body, message) => {
    const r = run(validateInvestigateBody, body);
    expect(r.error).toMatch(message);
  });
});

describe('findings query validation', () => {
  it('has defaults for everything', () => {
    expect(run(validateFindingsQuery, {})).toEqual({
      value: { from: 'now-7d', to: 'now', severity: [], page: 1, perPage: 20, sortField: 'timestamp', sortOrder: 'desc' },
    });
  });

  it('accepts date math, ISO dates, repeated and comma-separated severities', () => {
    const r = run(validateFindingsQuery, { from: '2021-04-27T00:00:00Z', to: 'now/d', severity: ['high', 'low,medium'], query: '  IAMUser ', page: '2' });
    expect(r.value).toMatchObject({ from: '2021-04-27T00:00:00Z', to: 'now/d', severity: ['high', 'low', 'medium'], query: 'IAMUser', page: 2 });
  });

  it.each([
    [{ severity: 'urgent' }, /severity must be one of/],
    [{ perPage: '1000' }, /between 1 and 100/],
    [{ page: '2.5' }, /integer/],
    [{ page: '500', perPage: '100' }, /may not exceed 10000/],
    [{ from: 'yesterday' }, /ISO 8601 date or date math/],
    [{ sortField: 'title' }, /sortField must be one of/],
    [{ query: 'x'.repeat(300) }, /longer than 256/],
    [{ foo: 'bar' }, /unknown field/],
    [{ from: 'now', to: 'now-1d' }, /must not be after/],
  ])('rejects %j', (q, message) => {
    expect(run(validateFindingsQuery, q).error).toMatch(message);
  });
});
