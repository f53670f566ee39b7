import { FacetBucket } from '../../../common/types';
import { DEFAULT_SOURCES } from '../../../common/sources';
import { EntitySet } from '../../correlation/entity_set';
import { ParsedGroup } from '../../correlation/response_parser';
import { NarrationContext, PivotRule } from '../types';
import { DOMAIN_QUERIES, INSTANCE_QUERIES } from './r53resolver';
import { formatBytes, REMOTE_TRAFFIC } from './vpcflowlogs';

function tell(rule: PivotRule, total: number, facets: Record<string, FacetBucket[]>, entities = new EntitySet(), hitsDocs: Array<Record<string, string>> = []): string[] {
  const group = { id: rule.id, total, hits: hitsDocs.map((doc) => ({ doc, fields: {}, ref: { index: 'i', id: 'x' }, timestamp: '' })) } as unknown as ParsedGroup;
  const ctx: NarrationContext = {
    finding: {} as NarrationContext['finding'],
    entities,
    group,
    groupOf: () => undefined,
    facet: (key) => facets[key] ?? [],
    sources: DEFAULT_SOURCES,
  };
  return rule.narrate!.tell(ctx).map((s) => s.text);
}

describe('the flow logs sentence', () => {
  it('counts accepted and rejected flows and the bytes sent to the remote addresses only', () => {
    const entities = new EntitySet();
    entities.add('ip', '198.51.100.7', 'finding', 'remote');
    const text = tell(REMOTE_TRAFFIC, 5, {
      actions: [
        { value: 'ACCEPT', count: 4, sum: 3_200_000 },
        { value: 'REJECT', count: 1, sum: 40 },
      ],
      destinations: [
        { value: '198.51.100.7', count: 3, sum: 3_000_000 },
        { value: '10.0.0.15', count: 2, sum: 200_040 },
      ],
      ports: [{ value: '443', count: 3 }, { value: '22', count: 2 }],
      instances: [{ value: 'i-0123456789abcdef0', count: 5 }],
    }, entities);
    expect(text).toEqual(['VPC Flow Logs hold 5 flow records with the remote addresses (i-0123456789abcdef0): 4 accepted, 1 rejected, to port 443 and 22; 3.2 MB in all, 3.0 MB of them sent to the remote addresses.']);
  });

  it('says nothing without flow records', () => {
    expect(tell(REMOTE_TRAFFIC, 0, {})).toEqual([]);
  });

  it('writes bytes in the order of magnitude an analyst compares', () => {
    expect([formatBytes(0), formatBytes(999), formatBytes(1500), formatBytes(2_620_000), formatBytes(123_400_000_000)]).toEqual(['0 bytes', '999 bytes', '1.5 KB', '2.6 MB', '123 GB']);
  });
});

describe('the Route 53 Resolver sentences', () => {
  it('names the instances that queried the domain', () => {
    const text = tell(
      DOMAIN_QUERIES,
      3,
      { instances: [{ value: 'i-1', count: 2 }, { value: 'i-2', count: 1 }], types: [{ value: 'A', count: 2 }, { value: 'TXT', count: 1 }] },
      new EntitySet(),
      [{ 'dns.question.name': 'evil.example' }]
    );
    expect(text).toEqual(['3 DNS queries for evil.example came from i-1 (2) and i-2 (1) (A and TXT).']);
    expect(tell(DOMAIN_QUERIES, 0, {})).toEqual([]);
  });

  it('lists what else the instance resolved, leaving out the known domain, and the failures', () => {
    const entities = new EntitySet();
    entities.add('domain', 'evil.example', 'finding');
    const text = tell(INSTANCE_QUERIES, 4, {
      names: [{ value: 'evil.example', count: 2 }, { value: 'updates.example.org', count: 1 }, { value: 'nx.example', count: 1 }],
      codes: [{ value: 'NOERROR', count: 3 }, { value: 'NXDOMAIN', count: 1 }],
    }, entities);
    expect(text).toEqual(['The instance made 4 DNS queries; other names resolved: updates.example.org (1) and nx.example (1); 1 did not resolve.']);
  });
});
