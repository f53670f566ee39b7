import { IncidentsResponse } from '../../common/incident_types';
import { Investigation } from '../../common/types';
import { CaseFromIncidentResponse } from '../../common/case_types';
import { CaseObservablesResponse } from '../../common/observable_types';
import { CASE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { FindingsResponse } from '../../common/types';
import { SeenInCases } from '../../common/incident_types';
import { loadDocuments } from '../../dev/load';
import { buildCorpus, corpusDocs, CorpusFinding, craftFinding } from '../fixtures/guardduty_corpus/generate';
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

  it('reuses the grouping of page 1 for the next pages of the same range (briefly), never for page 1', async () => {
    const range = { ...RANGE, perPage: 2, window: '6h' };
    const p1 = await host.api<IncidentsResponse>('GET', `/api/siem_investigations/incidents?${qs({ ...range, page: 1 })}`);
    expect(p1.body.took.groupingReused).toBeUndefined();
    const p2 = await host.api<IncidentsResponse>('GET', `/api/siem_investigations/incidents?${qs({ ...range, page: 2 })}`);
    expect(p2.body.took.groupingReused).toBe(true);
    expect(p2.body.total).toBe(p1.body.total);
    expect(p2.body.incidents.map((i) => i.id)).not.toEqual(expect.arrayContaining(p1.body.incidents.map((i) => i.id)));
    // Another window is another grouping; page 1 again is grouped afresh.
    const other = await host.api<IncidentsResponse>('GET', `/api/siem_investigations/incidents?${qs({ ...range, window: '1h', page: 2 })}`);
    expect(other.body.took.groupingReused).toBeUndefined();
    expect((await host.api<IncidentsResponse>('GET', `/api/siem_investigations/incidents?${qs({ ...range, page: 1 })}`)).body.took.groupingReused).toBeUndefined();
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
  return craftFinding(base, id, `2030-01-01T${String(hour).padStart(2, '0')}:00:00.000Z`, change);
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

describe('cases from incidents, observables and similar cases (real OpenSearch)', () => {
  let host: TestHost;
  let workshop: IncidentsResponse['incidents'][number];
  const refs = () => workshop.members.map((m) => m.ref);
  // Request ids name the case: unique per run, as the saved objects index outlives a test run.
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const req = (name: string) => `req-${name}-${run}`;
  const soIndex = `it-incident-cases-so-${run}`;

  beforeAll(async () => {
    // Its own saved objects index: similar cases must not find the cases of earlier runs.
    host = await startTestHost('incident-cases', { savedObjectsIndex: soIndex, config: { observables: { excludeFromCorrelation: [`role:${S.ROLE_NAME}`] } } });
    await loadScenario(host.opensearch, host.prefix, { noise: 600 });
    const r = await host.api<IncidentsResponse>('GET', `/api/siem_investigations/incidents?${qs({ ...RANGE, perPage: 50 })}`);
    workshop = r.body.incidents.find((i) => i.sharedEntities.some((e) => e.value === S.ACCESS_KEY_ID))!;
  });
  afterAll(async () => {
    await host?.opensearch.indices.delete({ index: soIndex, ignore_unavailable: true } as any).catch(() => undefined);
    await host?.cleanup();
  });

  it('creates a case with every member finding in one call; a retry attaches nothing twice and says so', async () => {
    const body = { title: 'Workshop incident', severity: 'high', findings: refs(), requestId: req('workshop') };
    const first = await host.api<CaseFromIncidentResponse>('POST', '/api/siem_investigations/cases/from_incident', body);
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(true);
    expect(first.body.attached).toHaveLength(workshop.members.length);
    expect(first.body.case.attachments).toHaveLength(workshop.members.length);
    const retry = await host.api<CaseFromIncidentResponse>('POST', '/api/siem_investigations/cases/from_incident', body);
    expect(retry.status).toBe(200);
    expect(retry.body.created).toBe(false);
    expect(retry.body.case.id).toBe(first.body.case.id);
    expect(retry.body.attached).toEqual([]);
    expect(retry.body.alreadyAttached).toHaveLength(workshop.members.length);
    expect(retry.body.case.attachments).toHaveLength(workshop.members.length);
    expect(retry.body.case.activity.filter((a) => a.action === 'attachment_added')).toHaveLength(workshop.members.length);
  });

  it('refuses a missing finding with nothing created', async () => {
    const r = await host.api('POST', '/api/siem_investigations/cases/from_incident', {
      title: 'x', findings: [...refs(), { index: refs()[0].index, id: 'no-such-finding' }], requestId: req('missing'),
    });
    expect(r.status).toBe(404);
    const list = await host.api<{ cases: Array<{ title: string }> }>('GET', '/api/siem_investigations/cases');
    expect(list.body.cases.map((c) => c.title)).not.toContain('x');
    expect((await host.api('POST', '/api/siem_investigations/cases/from_incident', { title: 'x', findings: refs(), requestId: 'bad id' })).status).toBe(400);
  });

  it('turns the entities of the attached findings into typed observables, with configured exclusions', async () => {
    const c = await host.api<CaseFromIncidentResponse>('POST', '/api/siem_investigations/cases/from_incident', { title: 'Obs', findings: refs(), requestId: req('workshop') });
    const r = await host.api<CaseObservablesResponse>('GET', `/api/siem_investigations/cases/${c.body.case.id}/observables`);
    expect(r.status).toBe(200);
    const find = (type: string, value: string) => r.body.observables.find((o) => o.type === type && o.value === value);
    expect(find('access_key', S.ACCESS_KEY_ID)).toMatchObject({ ioc: false, excluded: false });
    expect(find('ip', S.ATTACKER_EIP)).toMatchObject({ ioc: true, excluded: false });
    expect(find('role', S.ROLE_NAME)).toMatchObject({ excluded: true });
    expect(find('ip', S.INSTANCE_PRIVATE_IP)).toBeUndefined(); // the instance's own address is no observable
    expect(Date.parse(find('ip', S.ATTACKER_EIP)!.firstSeen)).toBeLessThanOrEqual(Date.parse(find('ip', S.ATTACKER_EIP)!.lastSeen));
  });

  it('shows similar cases sharing non-excluded observables, with status and close reason, and the badge on the incident', async () => {
    const a = await host.api<CaseFromIncidentResponse>('POST', '/api/siem_investigations/cases/from_incident', { title: 'Earlier look', findings: [workshop.members[0].ref], requestId: req('earlier') });
    const closed = await host.api('PATCH', `/api/siem_investigations/cases/${a.body.case.id}`, { version: a.body.case.version, status: 'closed', closeReason: 'benign_positive' });
    expect(closed.status).toBe(200);
    const main = await host.api<CaseFromIncidentResponse>('POST', '/api/siem_investigations/cases/from_incident', { title: 'Obs', findings: refs(), requestId: req('workshop') });
    const r = await host.api<CaseObservablesResponse>('GET', `/api/siem_investigations/cases/${main.body.case.id}/observables`);
    const similar = r.body.similarCases.find((s) => s.id === a.body.case.id)!;
    expect(similar).toMatchObject({ title: 'Earlier look', status: 'closed', closeReason: 'benign_positive' });
    expect(similar.shared.map((s) => s.type)).not.toContain('role'); // excluded from correlation
    expect(r.body.similarCases.map((s) => s.id)).not.toContain(main.body.case.id);
    const incidents = await host.api<IncidentsResponse>('GET', `/api/siem_investigations/incidents?${qs({ ...RANGE, perPage: 50 })}`);
    const badge = incidents.body.incidents.find((i) => i.id === workshop.id)!.seenIn!;
    expect(badge.count).toBe(2);
    expect(badge.lastClosed).toMatchObject({ id: a.body.case.id, closeReason: 'benign_positive' });
    const noise = incidents.body.incidents.find((i) => i.id !== workshop.id)!;
    expect(noise.seenIn).toBeUndefined();
  });

  it('reads similar cases in one bulkGet: a case deleted since the lookup is left out, the others keep status and close reason', async () => {
    const gone = await host.api<CaseFromIncidentResponse>('POST', '/api/siem_investigations/cases/from_incident', { title: 'Deleted since', findings: [workshop.members[0].ref], requestId: req('gone') });
    const main = await host.api<CaseFromIncidentResponse>('POST', '/api/siem_investigations/cases/from_incident', { title: 'Obs', findings: refs(), requestId: req('workshop') });
    const before = await host.api<CaseObservablesResponse>('GET', `/api/siem_investigations/cases/${main.body.case.id}/observables`);
    expect(before.body.similarCases.map((s) => s.id)).toContain(gone.body.case.id);
    // The case object goes, its observables stay (as in a delete racing the lookup): bulkGet answers 404 for it alone.
    await host.opensearch.delete({ index: soIndex, id: `${CASE_SAVED_OBJECT_TYPE}:${gone.body.case.id}`, refresh: true } as any);
    const after = await host.api<CaseObservablesResponse>('GET', `/api/siem_investigations/cases/${main.body.case.id}/observables`);
    expect(after.status).toBe(200);
    expect(after.body.similarCases.map((s) => s.id)).not.toContain(gone.body.case.id);
    expect(after.body.similarCases.find((s) => s.title === 'Earlier look')).toMatchObject({ status: 'closed', closeReason: 'benign_positive' });
    // Most shared first.
    const counts = after.body.similarCases.map((s) => s.shared.length);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('gives each row of the findings list its observable entities, and seen_in badges the workshop findings', async () => {
    const list = await host.api<FindingsResponse>('GET', `/api/siem_investigations/findings?${qs({ ...RANGE, perPage: 100 })}`);
    expect(list.status).toBe(200);
    const member = list.body.findings.find((f) => f.findingId === workshop.members[0].findingId)!;
    expect(member.entities!.length).toBeGreaterThan(0);
    expect(member.entities!.length).toBeLessThanOrEqual(5);
    for (const f of list.body.findings) expect(f.entities!.every((e) => !(e.type === 'ip' && e.value === S.INSTANCE_PRIVATE_IP))).toBe(true);
    const groups = list.body.findings.map((f) => f.entities ?? []);
    const seen = await host.api<SeenInCases[]>('POST', '/api/siem_investigations/cases/seen_in', { groups });
    expect(seen.status).toBe(200);
    expect(seen.body).toHaveLength(groups.length);
    expect(seen.body[list.body.findings.indexOf(member)].count).toBeGreaterThanOrEqual(2);
    expect(seen.body[list.body.findings.indexOf(member)].lastClosed).toMatchObject({ closeReason: 'benign_positive' });
  });
});
