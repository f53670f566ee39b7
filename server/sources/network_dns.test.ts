import { flattenDocument } from '../../common/flatten';
import { documentTitle, resolveSources } from '../../common/sources';
import { flowLogDoc, resolverQueryDoc } from '../../test/fixtures/network_dns';
import { SEC } from '../../test/fixtures/es_loader';
import { GraphBuilder } from '../correlation/graph_builder';
import { isPrivateIpv4, remoteEnd, vpcflowlogsServer } from './vpcflowlogs';
import { r53resolverServer } from './r53resolver';

const o = { accountId: '123456789012', region: 'us-east-1' };
const t = Date.parse('2021-04-27T10:21:00Z') * 1000;
const flow = (over: Partial<Parameters<typeof flowLogDoc>[0]> = {}) =>
  flattenDocument(
    flowLogDoc({ end: t, srcaddr: '10.0.0.15', dstaddr: '198.51.100.7', srcport: 40001, dstport: 443, packets: 12, bytes: 52000, action: 'ACCEPT', instanceId: 'i-0123456789abcdef0', direction: 'egress', ...over }, o)._source
  );
const query = (over: Partial<Parameters<typeof resolverQueryDoc>[0]> = {}) =>
  flattenDocument(resolverQueryDoc({ t, queryName: 'guarddutyc2activityb.com.', srcaddr: '10.0.0.15', instanceId: 'i-0123456789abcdef0', answer: '198.51.100.7', ...over }, o)._source);

describe('VPC Flow Logs adapter', () => {
  it('titles and describes a flow record as an analyst reads it', () => {
    expect(documentTitle('vpcflowlogs', flow())).toBe('ACCEPT 10.0.0.15 → 198.51.100.7:443 (52000 bytes)');
    const d = vpcflowlogsServer.describe(flow(), '2021-04-27T10:21:00Z');
    expect(d).toMatchObject({ action: 'flow ACCEPT', outcome: 'success', summary: 'ACCEPT 10.0.0.15 → 198.51.100.7:443/tcp, 52000 bytes in 12 packets (i-0123456789abcdef0)' });
    expect(vpcflowlogsServer.describe(flow({ srcport: 40002 }), 'x').mergeKey).toBe(d.mergeKey);
    expect(vpcflowlogsServer.describe(flow({ action: 'REJECT' }), 'x')).toMatchObject({ outcome: 'failure' });
  });

  it('finds the remote end from the flow direction, else from the public address', () => {
    expect(remoteEnd(flow())).toBe('destination');
    expect(remoteEnd(flow({ srcaddr: '198.51.100.7', dstaddr: '10.0.0.15', direction: 'ingress' }))).toBe('source');
    const v2 = flow({ srcaddr: '203.0.113.9', dstaddr: '172.16.4.4' });
    delete v2['network.direction'];
    expect(remoteEnd(v2)).toBe('source');
    delete v2['source.ip'];
    expect(remoteEnd(v2)).toBeUndefined();
    expect([isPrivateIpv4('10.1.2.3'), isPrivateIpv4('172.31.0.1'), isPrivateIpv4('172.32.0.1'), isPrivateIpv4('192.168.1.1'), isPrivateIpv4('8.8.8.8')]).toEqual([true, true, false, true, false]);
  });

  it('links the instance and the remote address with the port', () => {
    const b = new GraphBuilder();
    vpcflowlogsServer.link(b, flow(), 0);
    vpcflowlogsServer.link(b, flow({ srcaddr: '198.51.100.7', dstaddr: '10.0.0.15', dstport: 22, action: 'REJECT', direction: 'ingress' }), 1);
    expect(b.build().edges).toEqual([
      { from: 'instance:i-0123456789abcdef0', to: 'ip:198.51.100.7', relation: 'flow to port 443', count: 1 },
      { from: 'ip:198.51.100.7', to: 'instance:i-0123456789abcdef0', relation: 'rejected flow to port 22', count: 1 },
    ]);
  });
});

describe('Route 53 Resolver adapter', () => {
  it('titles and describes a query with the name es-loader stores (no trailing dot)', () => {
    expect(documentTitle('r53resolver', query())).toBe('DNS query A guarddutyc2activityb.com by i-0123456789abcdef0');
    expect(r53resolverServer.describe(query(), 'x')).toMatchObject({ action: 'DNS query', outcome: 'success', summary: 'i-0123456789abcdef0 resolved guarddutyc2activityb.com (A) → 198.51.100.7' });
    expect(r53resolverServer.describe(query({ rcode: 'NXDOMAIN', answer: undefined, t: t + SEC }), 'x')).toMatchObject({
      outcome: 'failure',
      summary: 'i-0123456789abcdef0 resolved guarddutyc2activityb.com (A) — NXDOMAIN',
    });
  });

  it('links the querying instance to the domain', () => {
    const b = new GraphBuilder();
    r53resolverServer.link(b, query(), 0);
    expect(b.build().edges).toEqual([{ from: 'instance:i-0123456789abcdef0', to: 'domain:guarddutyc2activityb.com', relation: 'queried', count: 1 }]);
  });

  it('is configurable like every source', () => {
    const s = resolveSources({ r53resolver: { indexPattern: 'dns-*' }, vpcflowlogs: { timeField: 'event.end' } });
    expect(s.r53resolver.indexPattern).toBe('dns-*');
    expect(s.vpcflowlogs.timeField).toBe('event.end');
  });
});
