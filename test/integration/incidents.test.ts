import { IncidentsResponse } from '../../common/incident_types';
import { Investigation } from '../../common/types';
import { loadDocuments } from '../../dev/load';
import { buildCorpus, corpusDocs, CorpusFinding } from '../fixtures/guardduty_corpus/generate';
import { generateScenario } from '../fixtures/scenario/generate';
import * as S from '../fixtures/scenario/constants';
import { loadScenario, startTestHost, TestHost } from './helpers';

jest.setTimeout(120_000);

type Facts = ReturnType<typeof generateScenario>['facts'];
const RANGE = { from: '2021-04-26T00:00:00Z', to: '2021-04-28T00:00:00Z' };
const qs = (o: Record<string, string | number>) => new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)])).toString();

describe('incidents: findings grouped by shared entities (real OpenSearch)', () => {
  let host: TestHost;
  let facts: Facts;
  let res: IncidentsResponse;

  beforeAll(async () => {
    host = await startTestHost('incidents');
    ({ facts } = await loadScenario(host.opensearch, host.prefix, { noise: 3000 }));
    const r = await host.api<IncidentsResponse>('GET', `/api/siem_investigations/incidents?${qs({ ...RANGE, perPage: 50 })}`);
    expect(r.status).toBe(200);
    res = r.body;
  });
  afterAll(() => host?.cleanup());

  const workshopIds = () => [facts.iamFinding, facts.reconFinding, facts.sshBruteForceFinding, facts.outboundFinding];

  it('puts the workshop findings, and only them, into one incident', async () => {
    const ids = new Set<string>();
    for (const ref of workshopIds()) {
      const doc = await host.opensearch.get({ index: ref.index, id: ref.id });
      ids.add((doc.body._source as { id: string }).id);
    }
    const holding = res.incidents.filter((i) => i.members.some((m) => ids.has(m.findingId)));
    expect(holding).toHaveLength(1);
    const incident = holding[0];
    expect(new Set(incident.members.map((m) => m.findingId))).toEqual(ids);
    expect(incident.sharedEntities.map((e) => `${e.type}:${e.value}`)).toEqual(expect.arrayContaining([`access_key:${S.ACCESS_KEY_ID}`, `instance:${S.INSTANCE_ID}`]));
    expect(incident.explanation.join(' ')).toContain(`access key ${S.ACCESS_KEY_ID}`);
    expect(incident.severity).toBe(Math.max(...incident.members.map((m) => m.severity)));
    expect(incident.families).toEqual(expect.arrayContaining(['IAM credentials', 'EC2 instance']));
    expect(incident.headline.length).toBeGreaterThan(10);
  });

  it('collapses count updates: every finding is in exactly one incident, once', () => {
    const all = res.incidents.flatMap((i) => i.members.map((m) => m.findingId));
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(res.findings);
  });

  it('keeps the noise findings out of the workshop incident, in their own groups', () => {
    const workshop = res.incidents.find((i) => i.sharedEntities.some((e) => e.value === S.ACCESS_KEY_ID))!;
    const others = res.incidents.filter((i) => i !== workshop);
    expect(others.length).toBeGreaterThan(0);
    for (const o of others) expect(o.sharedEntities.map((e) => e.value)).not.toContain(S.INSTANCE_ID);
  });

  it('is deterministic', async () => {
    const again = await host.api<IncidentsResponse>('GET', `/api/siem_investigations/incidents?${qs({ ...RANGE, perPage: 50 })}`);
    expect(again.body.incidents.map((i) => [i.id, i.members.map((m) => m.findingId)])).toEqual(res.incidents.map((i) => [i.id, i.members.map((m) => m.findingId)]));
  });

  it('investigates the workshop incident: all members as the starting point, one story, at most two round trips', async () => {
    const workshop = res.incidents.find((i) => i.sharedEntities.some((e) => e.value === S.ACCESS_KEY_ID))!;
    const [lead, ...others] = workshop.members;
    const r = await host.api<Investigation>('POST', '/api/siem_investigations/investigate', { finding: lead.ref, members: others.map((m) => m.ref) });
    expect(r.status).toBe(200);
    expect(r.body.took.roundTrips).toBeLessThanOrEqual(2);
    expect(r.body.members!.map((m) => m.findingId).sort()).toEqual(workshop.members.map((m) => m.findingId).sort());
    const values = r.body.entities.map((e) => e.value);
    expect(values).toEqual(expect.arrayContaining([S.ACCESS_KEY_ID, S.INSTANCE_ID, S.ATTACKER_EIP, S.ATTACKER_PRIVATE_IP]));
    expect(r.body.story.length).toBeGreaterThan(2);
    expect(r.body.timeline.length).toBeGreaterThan(2);
    // The window spans every member's activity.
    const starts = workshop.members.map((m) => Date.parse(m.firstSeen ?? m.timestamp));
    expect(Date.parse(r.body.window.from)).toBeLessThanOrEqual(Math.min(...starts));
    const bad = await host.api('POST', '/api/siem_investigations/investigate', { finding: lead.ref, members: [{ index: 'not-a-source', id: 'x' }] });
    expect(bad.status).toBe(400);
  });

  it('pages', async () => {
    const p2 = await host.api<IncidentsResponse>('GET', `/api/siem_investigations/incidents?${qs({ ...RANGE, perPage: 1, page: 2 })}`);
    expect(p2.status).toBe(200);
    expect(p2.body.incidents.map((i) => i.id)).toEqual([res.incidents[1].id]);
    expect(p2.body.total).toBe(res.total);
  });

  it('refuses bad input with a 400', async () => {
    const bad: Array<Record<string, string | number>> = [{ window: '5y' }, { perPage: 500 }, { from: 'yesterday' }, { window: '30d' }];
    for (const q of bad) {
      const r = await host.api('GET', `/api/siem_investigations/incidents?${qs({ ...RANGE, ...q })}`);
      expect(r.status).toBe(400);
    }
  });
});

/** Corpus findings moved to 2030-01-01, with the changes a case needs. */
function craft(base: CorpusFinding, id: string, hour: number, change: (raw: any) => void): CorpusFinding {
  const raw = JSON.parse(JSON.stringify(base.raw));
  const at = `2030-01-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
  Object.assign(raw, { id, arn: String(raw.arn).replace(/[^/]+$/, id), createdAt: at, updatedAt: at });
  raw.service.eventFirstSeen = at;
  raw.service.eventLastSeen = at;
  change(raw);
  return { ...base, raw };
}

describe('incidents: own addresses and attack sequences (real OpenSearch)', () => {
  let host: TestHost;
  let res: IncidentsResponse;
  const corpus = buildCorpus();
  const of = (t: string) => corpus.find((f) => f.type === t)!;
  const probe = of('Recon:EC2/PortProbeUnprotectedPort');
  const sequence = of('AttackSequence:IAM/CompromisedCredentials');
  const caller = of('UnauthorizedAccess:IAMUser/MaliciousIPCaller');
  const signalFindingId = String(sequence.raw.service.detection.sequence.signals[0].uid).split('/finding/')[1];
  const OWN_PUBLIC_IP = '198.51.100.77';

  beforeAll(async () => {
    host = await startTestHost('incidents-crafted');
    const setInstance = (raw: any, instanceId: string, publicIp: string, remote: string) => {
      raw.resource.instanceDetails.instanceId = instanceId;
      raw.resource.instanceDetails.networkInterfaces[0].publicIp = publicIp;
      const detail = raw.service.action.portProbeAction.portProbeDetails[0];
      detail.remoteIpDetails.ipAddressV4 = remote;
      raw.service.action.portProbeAction.portProbeDetails = [detail];
    };
    const findings = [
      // A and B: two instances behind the same public address, probed from different hosts.
      craft(probe, 'own-a', 1, (raw) => setInstance(raw, 'i-0aaaaaaaaaaaaaaa1', OWN_PUBLIC_IP, '192.0.2.211')),
      craft(probe, 'own-b', 2, (raw) => setInstance(raw, 'i-0aaaaaaaaaaaaaaa2', OWN_PUBLIC_IP, '192.0.2.212')),
      // C: probed from A's own public address: that address is A's, not an attacker shared by A and C.
      craft(probe, 'own-c', 3, (raw) => setInstance(raw, 'i-0aaaaaaaaaaaaaaa3', '198.51.100.78', OWN_PUBLIC_IP)),
      // D: probed by the same host as A: grouped with A (the control).
      craft(probe, 'own-d', 4, (raw) => setInstance(raw, 'i-0aaaaaaaaaaaaaaa4', '198.51.100.79', '192.0.2.211')),
      craft(sequence, 'sequence-1', 6, () => undefined),
      // The finding the sequence names as its first signal; it shares no entity with the sequence.
      craft(caller, signalFindingId, 5, (raw) => {
        raw.resource.accessKeyDetails.accessKeyId = 'ASIAUNRELATEDKEY0001';
        raw.resource.accessKeyDetails.userName = 'some-other-role';
        raw.resource.accessKeyDetails.principalId = 'AROAUNRELATED0000001:other-session';
        raw.service.action.awsApiCallAction.remoteIpDetails.ipAddressV4 = '192.0.2.99';
      }),
    ];
    await loadScenario(host.opensearch, host.prefix, { noise: 0 });
    await loadDocuments(host.opensearch, corpusDocs(findings, 'current', host.prefix), { refresh: true });
    const r = await host.api<IncidentsResponse>('GET', `/api/siem_investigations/incidents?${qs({ from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z', perPage: 50 })}`);
    expect(r.status).toBe(200);
    res = r.body;
  });
  afterAll(() => host?.cleanup());

  const incidentOf = (id: string) => res.incidents.find((i) => i.members.some((m) => m.findingId === id))!;

  it('does not group findings that share only an instance\'s own public address', () => {
    expect(incidentOf('own-a').members.map((m) => m.findingId).sort()).toEqual(['own-a', 'own-d']);
    expect(incidentOf('own-b').members.map((m) => m.findingId)).toEqual(['own-b']);
    expect(incidentOf('own-c').members.map((m) => m.findingId)).toEqual(['own-c']);
    expect(incidentOf('own-a').explanation.join(' ')).toContain('192.0.2.211');
  });

  it('expands an AttackSequence finding: its signals are members, and a signal that is a finding of the range joins it', () => {
    const inc = incidentOf('sequence-1');
    expect(inc.members.map((m) => m.findingId).sort()).toEqual([signalFindingId, 'sequence-1'].sort());
    expect(inc.signals).toHaveLength(3);
    expect(inc.signals.map((s) => s.name)).toEqual(['UnauthorizedAccess:IAMUser/MaliciousIPCaller', 'Discovery:S3/AnomalousBehavior', 'StopLogging']);
    expect(inc.signals[0].findingId).toBe(signalFindingId);
    expect(inc.explanation.join(' ')).toContain('as one of its signals');
    expect(inc.severityLabel).toBe('critical');
  });
});
