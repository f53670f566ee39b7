import { INCIDENT_LIMITS } from '../../common/incident_types';
import { FlatDoc } from '../../common/flatten';
import { summarizeFinding } from '../correlation/finding';
import { groupIncidents, GroupingInput, isoOf } from './group';

/** A flattened IAM finding (as es-loader stores it) whose API calls came from `ip` with `key`. */
function finding(n: number, ip: string, key: string): GroupingInput {
  const id = `f${String(n).padStart(4, '0')}`;
  const at = new Date(Date.UTC(2030, 2, 1, 10, 0, n)).toISOString();
  const doc: FlatDoc = Object.create(null);
  Object.assign(doc, {
    '@id': id,
    id,
    '@timestamp': at,
    type: 'UnauthorizedAccess:IAMUser/MaliciousIPCaller',
    title: `API called from ${ip}`,
    severity: '5',
    accountId: '111122223333',
    'resource.resourceType': 'AccessKey',
    'resource.accessKeyDetails.accessKeyId': key,
    'service.eventFirstSeen': at,
    'service.eventLastSeen': at,
    'service.action.actionType': 'AWS_API_CALL',
    'service.action.awsApiCallAction.remoteIpDetails.ipAddressV4': ip,
  });
  return { summary: summarizeFinding('log-aws-guardduty-2030-03', id, doc), doc };
}

describe('groupIncidents: what one incident carries stays bounded', () => {
  it('lists at most linksPerIncident links, the first of each entity first, and counts them all', () => {
    // 400 findings of one address; every tenth also shares a key with the next: 399 links in all.
    const inputs = Array.from({ length: 400 }, (_, n) => finding(n, '198.51.100.7', `ASIAKEY${String(Math.floor(n / 10)).padStart(13, '0')}`));
    const [incident, ...rest] = groupIncidents(inputs, { windowMs: 24 * 3600_000 });
    expect(rest).toHaveLength(0);
    expect(incident.memberCount).toBe(400);
    expect(incident.linkCount).toBe(399);
    expect(incident.links.length).toBe(INCIDENT_LIMITS.linksPerIncident);
    // Every entity that linked findings has a listed link, as long as there is room.
    const listed = new Set(incident.links.map((l) => `${l.entity.type}:${l.entity.value}`));
    expect(listed.size).toBe(Math.min(INCIDENT_LIMITS.linksPerIncident, new Set(inputs.map((i) => i.doc['resource.accessKeyDetails.accessKeyId'])).size + 1));
    expect(incident.explanation.length).toBeLessThanOrEqual(INCIDENT_LIMITS.explanationSentences + 1);
  });

  it('lists at most signalsPerIncident signals of its AttackSequence members (those naming a member first), and counts them all', () => {
    // 40 AttackSequence findings of one address, 50 signals each; the last signal of each names the next finding.
    const sequences = Array.from({ length: 40 }, (_, n) => {
      const input = finding(n, '198.51.100.7', `ASIAKEY${String(n).padStart(13, '0')}`);
      const signals = Array.from({ length: 50 }, (_, k) => ({
        uid: k === 49 ? `arn:aws:guardduty:us-east-1:111122223333:detector/d/finding/f${String(n + 1).padStart(4, '0')}` : `signal-${n}-${k}`,
        type: k === 49 ? 'FINDING' : 'CLOUD_TRAIL',
        name: `signal ${k}`,
        description: 'x'.repeat(1000),
      }));
      return { ...input, signals };
    });
    const [incident, ...rest] = groupIncidents(sequences, { windowMs: 24 * 3600_000 });
    expect(rest).toHaveLength(0);
    expect(incident.signalCount).toBe(40 * 50);
    expect(incident.signals.length).toBe(INCIDENT_LIMITS.signalsPerIncident);
    // The signals naming a member come first: 39 of them name a finding of the incident.
    expect(incident.signals.filter((sig) => sig.findingId).length).toBe(39);
    expect(incident.signals.slice(0, 39).every((sig) => sig.findingId)).toBe(true);
    expect(JSON.stringify(incident).length).toBeLessThan(100_000);
  });

  it('lists every link of a small incident', () => {
    const [incident] = groupIncidents([finding(1, '198.51.100.7', 'ASIAKEY0000000000001'), finding(2, '198.51.100.7', 'ASIAKEY0000000000002')], { windowMs: 3600_000 });
    expect(incident.linkCount).toBe(1);
    expect(incident.links).toEqual([{ from: 'f0001', to: 'f0002', entity: { type: 'ip', value: '198.51.100.7' } }]);
  });
});

describe('isoOf (signal times)', () => {
  it('reads epoch seconds with a fraction (GuardDuty), epoch milliseconds and ISO strings; a value no date can hold is none', () => {
    const t = Date.UTC(2030, 1, 1, 2);
    expect(isoOf(t / 1000 + 0.25)).toBe(new Date(t + 250).toISOString());
    expect(isoOf(t)).toBe(new Date(t).toISOString());
    expect(isoOf('2030-02-01T02:00:00+01:00')).toBe('2030-02-01T01:00:00.000Z');
    for (const v of [1e21, -1e21, Infinity, NaN, 'not a time', true, null, undefined, {}]) expect(isoOf(v)).toBeUndefined();
  });
});
