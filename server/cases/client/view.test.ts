import { StoredAttachment } from '../types';
import { markAvailability } from './view';

const attachment = (index: string, id: string): StoredAttachment => ({
  id: `att-${id}`,
  type: 'event',
  ref: { index, id },
  snapshot: { source: 'cloudtrail', title: id, fields: {} },
  addedAt: '2026-08-01T10:00:00.000Z',
  addedBy: 'alice',
});

describe('markAvailability', () => {
  it('marks documents that are gone, or whose index is gone, as unavailable', () => {
    const attachments = [attachment('log-aws-cloudtrail-2021-04', 'kept'), attachment('log-aws-cloudtrail-2021-04', 'deleted'), attachment('log-aws-cloudtrail-2019-01', 'aged-out')];
    const marked = markAvailability(attachments, [
      { _index: 'log-aws-cloudtrail-2021-04', _id: 'kept', found: true },
      { _index: 'log-aws-cloudtrail-2021-04', _id: 'deleted', found: false },
      { _index: 'log-aws-cloudtrail-2019-01', _id: 'aged-out', error: { type: 'index_not_found_exception' } },
    ]);
    expect(marked.map((a) => a.available)).toEqual([true, false, false]);
  });

  it('leaves availability unknown when the check failed for another reason', () => {
    const [marked] = markAvailability([attachment('log-x', '1')], [{ _index: 'log-x', _id: '1', error: { type: 'security_exception' } }]);
    expect(marked.available).toBeUndefined();
  });
});
