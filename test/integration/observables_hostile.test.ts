/**
 * Case observables from findings shaped by an attacker (real OpenSearch, the SIEM's templates:
 * a wrongly typed value is kept in `_source` but not indexed): a finding whose activity times are
 * not times is still attached, and its entities still become observables.
 */
import { Case, CaseFromIncidentResponse } from '../../common/case_types';
import { API_PATHS, OBSERVABLE_SAVED_OBJECT_TYPE } from '../../common/constants';
import { CaseObservablesResponse } from '../../common/observable_types';
import { DocRef } from '../../common/types';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { buildCorpus, corpusDocs, craftFinding } from '../fixtures/guardduty_corpus/generate';
import { startTestHost, TestHost } from './helpers';

jest.setTimeout(120_000);

describe('observables of findings with odd times (real OpenSearch)', () => {
  let host: TestHost;
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const soIndex = `it-observables-hostile-so-${run}`;
  const corpus = buildCorpus();
  const caller = corpus.find((f) => f.type === 'UnauthorizedAccess:IAMUser/MaliciousIPCaller')!;
  const sequence = corpus.find((f) => f.type === 'AttackSequence:IAM/CompromisedCredentials')!;
  const KEY = 'ASIAODDTIMES00000001';
  const refs: Record<string, DocRef> = {};

  beforeAll(async () => {
    host = await startTestHost('observables-hostile', { savedObjectsIndex: soIndex });
    await applyIndexTemplates(host.opensearch, { prefix: host.prefix });
    const finding = (id: string, hour: number, change: (raw: any) => void = () => undefined) =>
      craftFinding(caller, id, `2030-06-01T${String(hour).padStart(2, '0')}:00:00.000Z`, (raw) => {
        raw.resource.accessKeyDetails.accessKeyId = KEY;
        change(raw);
      });
    // A well-formed finding first: the index maps the activity times as dates.
    const docs = corpusDocs([finding('times-ok', 1)], 'current', host.prefix);
    await loadDocuments(host.opensearch, docs, { refresh: true });
    const odd = corpusDocs(
      [
        finding('times-text', 2, (raw) => {
          raw.service.eventFirstSeen = 'not a time';
          raw.service.eventLastSeen = 'not a time';
        }),
        finding('times-far', 3, (raw) => {
          raw.service.eventFirstSeen = '-000001-01-01T00:00:00.000Z';
          raw.service.eventLastSeen = '+275760-09-13T00:00:00.000Z';
        }),
      ],
      'current',
      host.prefix
    );
    // AttackSequence findings naming many endpoints: every address a remote one, an observable each.
    const endpoints = (from: number, n: number) => Array.from({ length: n }, (_, k) => ({ id: `ep-${from + k}`, ip: `198.18.${Math.floor((from + k) / 250)}.${((from + k) % 250) + 1}` }));
    const many = corpusDocs(
      [
        craftFinding(sequence, 'many-endpoints-1', '2030-06-01T04:00:00.000Z', (raw) => (raw.service.detection.sequence.endpoints = endpoints(0, 1100))),
        craftFinding(sequence, 'many-endpoints-2', '2030-06-01T05:00:00.000Z', (raw) => (raw.service.detection.sequence.endpoints = endpoints(1100, 200))),
      ],
      'current',
      host.prefix
    );
    await loadDocuments(host.opensearch, [...odd, ...many], { refresh: true });
    odd.push(...many);
    for (const d of [...docs, ...odd]) refs[String(d._source.id)] = { index: d._index, id: d._id };
  });
  afterAll(async () => {
    await host?.opensearch.indices.delete({ index: soIndex, ignore_unavailable: true } as any).catch(() => undefined);
    await host?.cleanup();
  });

  const observablesOf = async (caseId: string) => (await host.api<CaseObservablesResponse>('GET', API_PATHS.caseObservables(caseId))).body.observables;

  it('attaches a finding whose times are not times, and records its entities (alone in a case)', async () => {
    const c = await host.api<Case>('POST', API_PATHS.cases, { title: 'Odd times alone' });
    expect(c.status).toBe(200);
    const r = await host.api<Case>('POST', API_PATHS.caseAttachments(c.body.id), { type: 'finding', ref: refs['times-text'] });
    expect(r.status).toBe(200);
    expect(r.body.attachmentCount).toBe(1);
    const key = (await observablesOf(c.body.id)).find((o) => o.type === 'access_key' && o.value === KEY);
    expect(key).toBeDefined();
    expect(Number.isNaN(Date.parse(key!.firstSeen))).toBe(false);
    expect(Number.isNaN(Date.parse(key!.lastSeen))).toBe(false);
    // Times a JavaScript date holds but OpenSearch's date format does not.
    const far = await host.api<Case>('POST', API_PATHS.caseAttachments(c.body.id), { type: 'finding', ref: refs['times-far'] });
    expect(far.status).toBe(200);
    expect(far.body.attachmentCount).toBe(2);
  });

  it('creates a case from findings sharing an entity, one with times that are not times, with every observable', async () => {
    const r = await host.api<CaseFromIncidentResponse>('POST', API_PATHS.casesFromIncident, { title: 'Odd times with others', findings: [refs['times-ok'], refs['times-text']], requestId: `req-odd-${run}` });
    expect(r.status).toBe(200);
    expect(r.body.attached).toHaveLength(2);
    const key = (await observablesOf(r.body.case.id)).find((o) => o.type === 'access_key' && o.value === KEY);
    expect(key).toMatchObject({ firstSeen: '2030-06-01T01:00:00.000Z' });
  });

  it('merges a case of more than a thousand observables without leaving any behind', async () => {
    const countOf = async (caseId: string) => {
      await host.opensearch.indices.refresh({ index: soIndex });
      const r = await host.opensearch.count({ index: soIndex, body: { query: { bool: { filter: [{ term: { type: OBSERVABLE_SAVED_OBJECT_TYPE } }, { term: { [`${OBSERVABLE_SAVED_OBJECT_TYPE}.caseId`]: caseId } }] } } } });
      return r.body.count as number;
    };
    const source = (await host.api<Case>('POST', API_PATHS.cases, { title: 'Many endpoints' })).body;
    for (const id of ['many-endpoints-1', 'many-endpoints-2']) expect((await host.api<Case>('POST', API_PATHS.caseAttachments(source.id), { type: 'finding', ref: refs[id] })).status).toBe(200);
    const had = await countOf(source.id);
    expect(had).toBeGreaterThan(1000);
    const kept = (await host.api<Case>('POST', API_PATHS.cases, { title: 'Kept' })).body;
    const merged = await host.api('POST', API_PATHS.caseMerge(kept.id), { source: source.id });
    expect(merged.status).toBe(200);
    expect(await countOf(kept.id)).toBe(had);
    expect(await countOf(source.id)).toBe(0);
  });
});
