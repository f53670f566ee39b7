import { Case } from '../../common/case_types';
import { fakeCore } from '../testing/fake_core';
import { InvestigationsApi } from './api_client';
import { addToCase } from './add_to_case';

const attached = (extra: Partial<Case> = {}) => ({ id: 'case-1', title: 'IAM key used', ...extra }) as Case;
const apiAnswering = (answer: Case) => ({ addAttachment: jest.fn(async () => answer) }) as unknown as InvestigationsApi;

describe('addToCase', () => {
  it('warns, besides the success, when the attach did not record every entity as an observable', async () => {
    const { core, toasts } = fakeCore();
    const answer = attached({ observablesNotRecorded: { count: 3, limit: 10_000, reason: 'per_case' } });
    expect(await addToCase(apiAnswering(answer), core, { kind: 'existing', id: 'case-1', title: 'IAM key used' }, { type: 'finding', ref: { index: 'i', id: 'd' } })).toBe(answer);
    expect(toasts.map((t) => t.kind)).toEqual(['success', 'warning']);
    expect(toasts[1].toast).toMatchObject({
      title: 'Some observables were not recorded',
      text: '3 entities were not recorded as observables: the case has reached its limit of 10,000 observables. The attachment and the observables already recorded are kept.',
    });
  });

  it('only says it was added when every entity was recorded', async () => {
    const { core, toasts } = fakeCore();
    await addToCase(apiAnswering(attached()), core, { kind: 'existing', id: 'case-1', title: 'IAM key used' }, { type: 'finding', ref: { index: 'i', id: 'd' } });
    expect(toasts.map((t) => t.kind)).toEqual(['success']);
  });
});
