import { ExclusionList, groupFindings } from './group';
import { GROUPING_FIELD_KINDS, groupingRecordsOf } from './list_incidents';

const SIGNAL_FIELD = GROUPING_FIELD_KINDS.findIndex(([, kind]) => kind === 'signal');
const t = Date.UTC(2030, 2, 1, 10);

describe('groupingRecordsOf (the aggregation buckets as grouping records)', () => {
  it('links an AttackSequence to every finding its signals name, however many signals it has', () => {
    // 60 signals; in the buckets' order (doc count, then key) the one naming a finding comes last.
    const uids = Array.from({ length: 59 }, (_, k) => `a-signal-${String(k).padStart(2, '0')}`);
    uids.push('arn:aws:guardduty:us-east-1:111122223333:detector/d/finding/target');
    const body = {
      aggregations: {
        findings: { buckets: ['sequence', 'target'].map((key) => ({ key, first: { value: t }, last: { value: t }, severity: { value: 8 } })) },
        accounts: { buckets: [{ key: '111122223333', [`f${SIGNAL_FIELD}`]: { buckets: uids.map((key) => ({ key, ids: { buckets: [{ key: 'sequence' }] } })) } }] },
      },
    };
    const records = groupingRecordsOf(body, 20_000, new ExclusionList());
    const groups = groupFindings(records, { windowMs: 3600_000 });
    expect(groups.map((g) => g.members.map((m) => m.id).sort())).toEqual([['sequence', 'target']]);
  });
});
