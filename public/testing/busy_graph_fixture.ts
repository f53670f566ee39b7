import { EntityGraph, GraphEdge, GraphNode } from '../../common/types';

/**
 * A busy investigation's graph: the finding, 30 related findings of four types (each with its own
 * remote address), and the people, keys, buckets and domains around them. Collapsed, it draws
 * 54 nodes.
 */
export function busyGraphFixture(): EntityGraph {
  const nodes: GraphNode[] = [{ id: 'finding:root', type: 'finding', value: 'root', label: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS' }];
  const edges: GraphEdge[] = [];
  const add = (n: GraphNode) => nodes.push(n);
  add({ id: 'instance:i-0f0e0d0c0b0a09080', type: 'instance', value: 'i-0f0e0d0c0b0a09080' });
  add({ id: 'access_key:ASIAEXAMPLEKEY123456', type: 'access_key', value: 'ASIAEXAMPLEKEY123456' });
  add({ id: 'role:webapp-instance-role', type: 'role', value: 'webapp-instance-role' });
  add({ id: 'account:123456789012', type: 'account', value: '123456789012' });
  add({ id: 'account:210987654321', type: 'account', value: '210987654321' });
  edges.push({ from: 'finding:root', to: 'access_key:ASIAEXAMPLEKEY123456', relation: 'involves key', count: 1 });
  edges.push({ from: 'finding:root', to: 'role:webapp-instance-role', relation: 'involves role', count: 1 });
  edges.push({ from: 'instance:i-0f0e0d0c0b0a09080', to: 'role:webapp-instance-role', relation: 'runs as', count: 1 });
  edges.push({ from: 'role:webapp-instance-role', to: 'access_key:ASIAEXAMPLEKEY123456', relation: 'issued', count: 1 });
  edges.push({ from: 'finding:root', to: 'account:123456789012', relation: 'in account', count: 1 });
  for (const u of ['alice', 'bob', 'carol', 'dave', 'ec2-user']) {
    add({ id: `user:${u}`, type: 'user', value: u });
    edges.push({ from: `user:${u}`, to: 'instance:i-0f0e0d0c0b0a09080', relation: 'logged in to', count: u.length });
  }
  for (const b of ['webapp-data-prod', 'webapp-logs-prod', 'backup-archive-2021']) {
    add({ id: `bucket:${b}`, type: 'bucket', value: b });
    edges.push({ from: 'access_key:ASIAEXAMPLEKEY123456', to: `bucket:${b}`, relation: 'GetObject', count: 12 });
    edges.push({ from: 'access_key:ASIAEXAMPLEKEY123456', to: `bucket:${b}`, relation: 'ListObjects', count: 3 });
  }
  for (const d of ['pool.minexmr.com', 'xmr.pool.example.net', 'c2.example.org', 'updates.example.com', 'pastebin.example.com']) {
    add({ id: `domain:${d}`, type: 'domain', value: d });
    edges.push({ from: 'instance:i-0f0e0d0c0b0a09080', to: `domain:${d}`, relation: 'resolved', count: 2 });
  }
  const types: Array<[string, number]> = [
    ['UnauthorizedAccess:EC2/SSHBruteForce', 12],
    ['Recon:EC2/PortProbeUnprotectedPort', 9],
    ['Backdoor:EC2/C&CActivity.B!DNS', 6],
    ['CryptoCurrency:EC2/BitcoinTool.B!DNS', 3],
  ];
  let k = 0;
  for (const [type, count] of types) {
    for (let i = 0; i < count; i++, k++) {
      const id = `finding:related-${k}`;
      const ip = `203.0.113.${10 + k}`;
      add({ id, type: 'finding', value: `related-${k}`, label: type });
      add({ id: `ip:${ip}`, type: 'ip', value: ip });
      edges.push({ from: id, to: 'instance:i-0f0e0d0c0b0a09080', relation: 'on instance', count: 1 });
      edges.push({ from: id, to: `ip:${ip}`, relation: 'remote address', count: 1 + (k % 3) });
      edges.push({ from: 'instance:i-0f0e0d0c0b0a09080', to: `ip:${ip}`, relation: 'connected to', count: 4 });
    }
  }
  return { nodes, edges };
}
