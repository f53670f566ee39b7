import { CaseActivity, CaseAttachment } from '../../common/case_types';
import { availabilityRequest, visibleActivity, visibleAttachments, WITHHELD_TITLE } from './snapshot_visibility';

const attachment = (id: string, index = 'log-aws-cloudtrail-2021-04'): CaseAttachment => ({
  id,
  type: 'event',
  ref: { index, id: `doc-${id}` },
  snapshot: {
    source: 'cloudtrail',
    timestamp: '2021-04-27T10:24:03Z',
    title: 'GetObject (success) by threat-detection-wksp-compromised-ec2',
    fields: { 'event.action': 'GetObject', 'event.outcome': 'success', 'user.name': 'threat-detection-wksp-compromised-ec2', 'user_agent.original': 'aws-cli/1.19.57' },
  },
  addedAt: '2021-04-27T11:00:00Z',
  addedBy: 'analyst_a',
});

describe('snapshot visibility', () => {
  const a = attachment('a');

  it('asks for the snapshot fields only in source mode', () => {
    expect(availabilityRequest([a], 'source')).toEqual([{ _index: a.ref.index, _id: a.ref.id, _source: Object.keys(a.snapshot.fields) }]);
    expect(availabilityRequest([a], 'case')).toEqual([{ _index: a.ref.index, _id: a.ref.id, _source: false }]);
  });

  it('source: keeps only the fields the reader can read now, and rebuilds the title from them', () => {
    const doc = { _index: a.ref.index, _id: a.ref.id, found: true, _source: { event: { action: 'GetObject', outcome: 'success' } } };
    const [seen] = visibleAttachments([a], [doc], 'source');
    expect(seen.snapshot.fields).toEqual({ 'event.action': 'GetObject', 'event.outcome': 'success' });
    expect(seen.snapshot.title).toBe('GetObject (success)');
    expect(JSON.stringify(seen)).not.toContain('aws-cli');
    expect(JSON.stringify(seen)).not.toContain('compromised-ec2');
  });

  it('source: the whole snapshot when the reader sees every field', () => {
    const doc = { _index: a.ref.index, _id: a.ref.id, found: true, _source: { event: { action: 'GetObject', outcome: 'success' }, user: { name: 'threat-detection-wksp-compromised-ec2' }, user_agent: { original: 'aws-cli/1.19.57' } } };
    expect(visibleAttachments([a], [doc], 'source')).toEqual([a]);
  });

  it('source: withholds the snapshot of a document the reader cannot read, or when the check failed', () => {
    const hidden = { _index: a.ref.index, _id: a.ref.id, found: false };
    const refused = { _index: a.ref.index, _id: a.ref.id, error: { type: 'security_exception', reason: 'no permissions' } };
    for (const docs of [[hidden], [refused], undefined]) {
      const [seen] = visibleAttachments([a], docs, 'source');
      expect(seen.snapshot).toEqual({ source: 'cloudtrail', title: WITHHELD_TITLE, fields: {} });
      expect(seen.ref).toEqual(a.ref);
    }
  });

  it('source: shows the stored snapshot when the index is gone (aged out of retention)', () => {
    const gone = { _index: a.ref.index, _id: a.ref.id, error: { type: 'index_not_found_exception' } };
    expect(visibleAttachments([a], [gone], 'source')).toEqual([a]);
  });

  it('case: everyone who reads the case sees every snapshot as stored', () => {
    expect(visibleAttachments([a], [{ _index: a.ref.index, _id: a.ref.id, found: false }], 'case')).toEqual([a]);
    expect(visibleAttachments([a], undefined, 'case')).toEqual([a]);
  });

  it('the "attached" activity entry carries the title the reader may see', () => {
    const entry: CaseActivity = { at: a.addedAt, by: 'analyst_a', action: 'attachment_added', attachmentId: 'a', attachmentType: 'event', ref: a.ref, title: a.snapshot.title };
    const [seen] = visibleAttachments([a], [{ _index: a.ref.index, _id: a.ref.id, found: false }], 'source');
    expect(visibleActivity([entry, { at: a.addedAt, by: 'x', action: 'created' }], [seen])).toEqual([{ ...entry, title: WITHHELD_TITLE }, { at: a.addedAt, by: 'x', action: 'created' }]);
    expect(visibleActivity([entry], [a])).toEqual([entry]);
  });
});
