import { FindingSummary } from '../../common/types';
import { memberTypeRows } from './member_rows';

const f = (id: string, type: string, severity: number, lastSeen: string | undefined, count: number): FindingSummary => ({
  ref: { index: 'log-aws-guardduty-2024-01', id },
  findingId: id,
  type,
  title: `title ${id}`,
  severity,
  severityLabel: severity >= 7 ? 'high' : severity >= 4 ? 'medium' : 'low',
  timestamp: '2024-01-01T00:00:00.000Z',
  ...(lastSeen ? { lastSeen } : {}),
  count,
});

describe('memberTypeRows', () => {
  it('makes one row per finding type, in the order the types first appear, with each row’s findings in order', () => {
    const rows = memberTypeRows([
      f('a', 'CryptoCurrency:EC2/BitcoinTool.B!DNS', 8, '2024-01-01T10:00:00.000Z', 3),
      f('b', 'Recon:EC2/PortProbeUnprotectedPort', 2, '2024-01-01T12:00:00.000Z', 1),
      f('c', 'CryptoCurrency:EC2/BitcoinTool.B!DNS', 8, '2024-01-01T11:00:00.000Z', 4),
    ]);
    expect(rows.map((r) => [r.type, r.findings.map((x) => x.findingId), r.first.findingId])).toEqual([
      ['CryptoCurrency:EC2/BitcoinTool.B!DNS', ['a', 'c'], 'a'],
      ['Recon:EC2/PortProbeUnprotectedPort', ['b'], 'b'],
    ]);
  });

  it('takes the highest severity, the newest last activity and the sum of the counts', () => {
    const [row] = memberTypeRows([
      f('a', 'T', 2, '2024-01-01T10:00:00.000Z', 3),
      f('b', 'T', 5.5, '2024-01-02T09:00:00.000Z', 4),
      f('c', 'T', 4, '2024-01-01T23:00:00.000Z', 10),
    ]);
    expect(row).toMatchObject({ severity: 5.5, severityLabel: 'medium', lastSeen: '2024-01-02T09:00:00.000Z', count: 17 });
  });

  it('falls back to the document time when a finding has no last activity, and never lets an odd value win or break the sum', () => {
    const [row] = memberTypeRows([f('a', 'T', 2, 'not a date', 3), f('b', 'T', 2, undefined, Number.NaN)]);
    expect(row.lastSeen).toBe('2024-01-01T00:00:00.000Z');
    expect(row.count).toBe(3);
  });

  it('is empty for no members', () => {
    expect(memberTypeRows([])).toEqual([]);
  });
});
