import { investigationFixture } from '../testing/investigation_fixture';
import { hitMentions, timelineMentions } from './entity_match';

describe('entity matching', () => {
  const inv = investigationFixture();
  const [ct1, ct2] = inv.evidence[0].hits;

  it('matches equal values, principal ids ending in the value and object keys', () => {
    expect(hitMentions(ct1, '34.219.77.88')).toBe(true);
    expect(hitMentions(ct1, '34.219.77.8')).toBe(false);
    expect(hitMentions({ ...ct1, fields: { principal: 'AROAX:i-0abc' } }, 'i-0abc')).toBe(true);
    expect(hitMentions(ct2, 'data-bucket/config.py')).toBe(true);
    expect(hitMentions({ ...ct1, fields: { ips: ['10.0.0.1', '10.0.0.2'] } }, '10.0.0.2')).toBe(true);
  });

  it('keeps the timeline entries of matching documents', () => {
    expect(timelineMentions(inv.timeline, inv.evidence, '198.51.100.7').map((e) => e.action)).toEqual(['GetObject']);
    expect(timelineMentions(inv.timeline, inv.evidence, 'alice').map((e) => e.action)).toEqual(['sshd login']);
  });
});
