/**
 * Case observables past their bounds (real OpenSearch): a value shared by thousands of cases does
 * not crowd the others out of similar cases or "seen in", a bounded lookup says "at least", a
 * case's list is IOC first then most recently seen with its total, and an attach past a bound says
 * what it did not record. Observables of other cases are written straight into the saved objects
 * index in OSD's document layout (thousands of them: attaching that many findings would take
 * minutes); the sort keys are the plugin's own functions. Every read pages on unique sort keys, so
 * nothing here depends on the number of shards.
 */
import { Case, CaseFromIncidentResponse } from '../../common/case_types';
import { API_PATHS, OBSERVABLE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { SeenInCases } from '../../common/incident_types';
import { CaseObservablesResponse, OBSERVABLE_LIMITS } from '../../common/observable_types';
import { DocRef } from '../../common/types';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { caseKeyOf, listOrderOf, ObservableAttributes, observableKey, seenOrderOf } from '../../server/cases/observables';
import { buildCorpus, corpusDocs, craftFinding } from '../fixtures/guardduty_corpus/generate';
import { startTestHost, TestHost } from './helpers';

jest.setTimeout(180_000);

const CROWD_IP = '203.0.113.250';
const RARE_KEY = 'ASIARAREKEY000000001';
const CROWD = 2600; // more than one search reads (2,000)

describe('observables past their bounds (real OpenSearch)', () => {
  let host: TestHost;
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const soIndex = `it-observables-bounds-so-${run}`;
  const refs: Record<string, DocRef> = {};

  /** Observables written as OSD's repository writes them (`<type>:<id>`, attributes under the type). */
  async function writeObservables(list: Array<{ caseId: string; type: ObservableAttributes['type']; value: string; lastSeen: string; ioc?: boolean; excluded?: boolean }>) {
    const body: unknown[] = [];
    for (const o of list) {
      const key = observableKey(o.type, o.value);
      const id = `${caseKeyOf(o.caseId)}-${key}`;
      const attributes: ObservableAttributes = {
        caseId: o.caseId,
        caseKey: caseKeyOf(o.caseId),
        key,
        type: o.type,
        value: o.value,
        firstSeen: o.lastSeen,
        lastSeen: o.lastSeen,
        ioc: !!o.ioc,
        excluded: !!o.excluded,
        seenOrder: seenOrderOf(o.lastSeen, id),
        listOrder: listOrderOf(!!o.ioc, o.lastSeen, id),
      };
      body.push({ index: { _index: soIndex, _id: `${OBSERVABLE_SAVED_OBJECT_TYPE}:${id}` } }, { type: OBSERVABLE_SAVED_OBJECT_TYPE, [OBSERVABLE_SAVED_OBJECT_TYPE]: attributes, references: [], updated_at: o.lastSeen });
    }
    for (let i = 0; i < body.length; i += 4000) {
      const r = await host.opensearch.bulk({ body: body.slice(i, i + 4000), refresh: false } as any);
      expect(r.body.errors).toBe(false);
    }
    await host.opensearch.indices.refresh({ index: soIndex });
  }

  const newCase = async (title: string) => (await host.api<Case>('POST', API_PATHS.cases, { title })).body;
  const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1) + minutes * 60_000).toISOString();

  let subject: Case;
  const rare: Case[] = [];

  beforeAll(async () => {
    host = await startTestHost('observables-bounds', { savedObjectsIndex: soIndex });
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    const corpus = buildCorpus();
    const sequence = corpus.find((f) => f.type === 'AttackSequence:IAM/CompromisedCredentials')!;
    const caller = corpus.find((f) => f.type === 'UnauthorizedAccess:IAMUser/MaliciousIPCaller')!;
    const endpoints = (n: number) => Array.from({ length: n }, (_, k) => ({ id: `ep-${k}`, ip: `198.19.${Math.floor(k / 250)}.${(k % 250) + 1}` }));
    const docs = corpusDocs(
      [
        craftFinding(sequence, 'bounds-many-endpoints', '2030-06-01T04:00:00.000Z', (raw) => (raw.service.detection.sequence.endpoints = endpoints(1100))),
        craftFinding(caller, 'bounds-caller', '2030-06-01T05:00:00.000Z', (raw) => (raw.resource.accessKeyDetails.accessKeyId = 'ASIAPASTCASEBOUND001')),
      ],
      'current',
      host.prefix
    );
    await loadDocuments(host.opensearch, docs, { refresh: true });
    for (const d of docs) refs[String(d._source.id)] = { index: d._index, id: d._id };

    // The case looked at, and three real cases sharing its rare access key, seen long ago.
    subject = await newCase('Subject');
    for (let i = 0; i < 3; i++) rare.push(await newCase(`Shares the rare key ${i}`));
    // 2,600 cases share a scanner's address, all seen more recently than the rare key: an unsorted
    // or most-recent-first read of 2,000 would never reach the rare key's matches.
    const crowd = Array.from({ length: CROWD }, (_, i) => ({ caseId: `crowd-${run}-${i}`, type: 'ip' as const, value: CROWD_IP, lastSeen: at(10_000 + i) }));
    await writeObservables([
      { caseId: subject.id, type: 'ip', value: CROWD_IP, lastSeen: at(1), ioc: true },
      { caseId: subject.id, type: 'access_key', value: RARE_KEY, lastSeen: at(1) },
      ...rare.map((c, i) => ({ caseId: c.id, type: 'access_key' as const, value: RARE_KEY, lastSeen: at(i) })),
      // Excluded from correlation on the other side: never a match.
      { caseId: `excluded-${run}`, type: 'access_key', value: RARE_KEY, lastSeen: at(5), excluded: true },
      ...crowd,
    ]);
  });
  afterAll(async () => {
    await host?.opensearch.indices.delete({ index: soIndex, ignore_unavailable: true } as any).catch(() => undefined);
    await host?.cleanup();
  });

  it('a value shared by thousands of cases does not crowd a rare one out of similar cases, and the answer names the bound', async () => {
    const r = await host.api<CaseObservablesResponse>('GET', API_PATHS.caseObservables(subject.id));
    expect(r.status).toBe(200);
    // The rare key's cases are all there, first (their shared value is the rarer one).
    expect(r.body.similarCases.slice(0, 3).map((c) => c.id).sort()).toEqual(rare.map((c) => c.id).sort());
    expect(r.body.similarCases[0].shared).toEqual([{ type: 'access_key', value: RARE_KEY }]);
    // The crowded value is named with how many of its cases were read: its most recent ones.
    expect(r.body.similarBounded).toEqual({ observables: [{ type: 'ip', value: CROWD_IP, atLeast: OBSERVABLE_LIMITS.lookupPerKey }], notLookedUp: 0 });
    // The same answer every time.
    const again = await host.api<CaseObservablesResponse>('GET', API_PATHS.caseObservables(subject.id));
    expect(again.body).toEqual(r.body);
  });

  it('seen in: exact for the rare key, "at least" for the crowded value, and an entity excluded elsewhere never counts', async () => {
    const r = await host.api<SeenInCases[]>('POST', API_PATHS.seenInCases, {
      groups: [[{ type: 'access_key', value: RARE_KEY }], [{ type: 'ip', value: CROWD_IP }], [{ type: 'access_key', value: RARE_KEY }, { type: 'ip', value: CROWD_IP }], [{ type: 'user', value: 'nobody-at-all' }]],
    });
    expect(r.status).toBe(200);
    // The rare key: the subject's own observable plus three others; the excluded one is not counted.
    expect(r.body[0]).toEqual({ count: 4 });
    expect(r.body[1]).toMatchObject({ count: OBSERVABLE_LIMITS.lookupPerKey, atLeast: true });
    expect(r.body[2].atLeast).toBe(true);
    expect(r.body[2].count).toBe(OBSERVABLE_LIMITS.lookupPerKey + 4);
    expect(r.body[3]).toEqual({ count: 0 });
  });

  it('lists a case\'s observables IOC first, then most recently seen, at most the listed bound, with the total', async () => {
    const big = await newCase('Many observables');
    const many = Array.from({ length: 1200 }, (_, i) => ({ caseId: big.id, type: 'user' as const, value: `user-${i}`, lastSeen: at(100 + i) }));
    // Two IOCs seen before everything else: never hidden behind the others.
    await writeObservables([...many, { caseId: big.id, type: 'domain', value: 'old.example', lastSeen: at(0), ioc: true }, { caseId: big.id, type: 'domain', value: 'older.example', lastSeen: at(-1), ioc: true }]);
    const r = await host.api<CaseObservablesResponse>('GET', API_PATHS.caseObservables(big.id));
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(1202);
    expect(r.body.observables).toHaveLength(OBSERVABLE_LIMITS.listed);
    expect(r.body.observables.slice(0, 2).map((o) => o.value)).toEqual(['old.example', 'older.example']);
    const rest = r.body.observables.slice(2).map((o) => Date.parse(o.lastSeen));
    expect(rest[0]).toBe(Date.parse(at(1299)));
    for (let i = 1; i < rest.length; i++) expect(rest[i]).toBeLessThan(rest[i - 1]);
    // The 202 not listed (and so not looked up for similar cases) are said.
    expect(r.body.similarBounded?.notLookedUp).toBeGreaterThanOrEqual(202);
  });

  it('an attach of more entities than one attach records says how many it did not record, and keeps the attachment', async () => {
    const c = await newCase('Many endpoints');
    const r = await host.api<Case>('POST', API_PATHS.caseAttachments(c.id), { type: 'finding', ref: refs['bounds-many-endpoints'] });
    expect(r.status).toBe(200);
    expect(r.body.attachmentCount).toBe(1);
    expect(r.body.observablesNotRecorded).toMatchObject({ reason: 'per_attach', limit: OBSERVABLE_LIMITS.perAttach });
    const listed = await host.api<CaseObservablesResponse>('GET', API_PATHS.caseObservables(c.id));
    expect(listed.body.total).toBe(OBSERVABLE_LIMITS.perAttach);
    expect(r.body.observablesNotRecorded!.count + listed.body.total).toBeGreaterThan(1100);
  });

  it('a case at its observables bound keeps what it has, records nothing new, and says so (attach and case from an incident)', async () => {
    const full = await newCase('Full of observables');
    await writeObservables(Array.from({ length: OBSERVABLE_LIMITS.perCase }, (_, i) => ({ caseId: full.id, type: 'user' as const, value: `full-${i}`, lastSeen: at(i) })));
    const r = await host.api<Case>('POST', API_PATHS.caseAttachments(full.id), { type: 'finding', ref: refs['bounds-caller'] });
    expect(r.status).toBe(200);
    expect(r.body.attachmentCount).toBe(1);
    expect(r.body.observablesNotRecorded).toMatchObject({ reason: 'per_case', limit: OBSERVABLE_LIMITS.perCase });
    expect(r.body.observablesNotRecorded!.count).toBeGreaterThan(0);
    const listed = await host.api<CaseObservablesResponse>('GET', API_PATHS.caseObservables(full.id));
    expect(listed.body.total).toBe(OBSERVABLE_LIMITS.perCase);
    expect(listed.body.observables.some((o) => o.value === 'ASIAPASTCASEBOUND001')).toBe(false);

    // A case from an incident with more entities than one attach records says so in its answer.
    const fromIncident = await host.api<CaseFromIncidentResponse>('POST', API_PATHS.casesFromIncident, { title: 'From a wide incident', findings: [refs['bounds-many-endpoints']], requestId: `req-bounds-${run}` });
    expect(fromIncident.status).toBe(200);
    expect(fromIncident.body.observablesNotRecorded).toMatchObject({ reason: 'per_attach' });
  });
});
