import { Client } from '@opensearch-project/opensearch';
import { API_PATHS } from '../../common/constants';
import { IncidentsResponse } from '../../common/incident_types';
import { applyIndexTemplates } from '../../dev/index_templates';
import { loadDocuments } from '../../dev/load';
import { generateScenario, SiemDoc } from '../fixtures/scenario/generate';
import { ACCOUNT_X, ACCOUNT_Y, adminClient, deletePrefixed, SecuredHost, startSecuredHost } from './helpers';

jest.setTimeout(180_000);

/**
 * The Incidents view's paging cache (server/incidents/grouping_cache.ts) on the secured node: page 1
 * is grouped afresh and kept for the reader's identity (the security plugin's authinfo: user,
 * roles, backend roles, tenant); pages ≥ 2 reuse it. Analyst A may read account X only (DLS), analyst
 * B every account: B's pages must never come from A's grouping, nor A's from B's. `took.groupingReused`
 * (set by list_incidents.ts only when a cached grouping served the page) tells which grouping served a page.
 */

/** A GuardDuty finding of account X again as a finding of account Y: its own id, same entities. */
const Y_SUFFIX = '-acct-y';
function twinInAccountY(doc: SiemDoc): SiemDoc {
  const source = JSON.parse(JSON.stringify(doc._source).split(ACCOUNT_X).join(ACCOUNT_Y)) as Record<string, unknown>;
  // A finding is one `@id` (count updates share it); GuardDuty's own `id` follows.
  for (const f of ['@id', 'id']) if (typeof source[f] === 'string') source[f] = `${String(source[f])}${Y_SUFFIX}`;
  return { _index: doc._index, _id: doc._id + Y_SUFFIX, _source: source };
}

const RANGE = { from: '2021-04-26T00:00:00Z', to: '2021-04-28T00:00:00Z' };
/** Another range over the same findings: a key of its own in the cache. */
const RANGE_2 = { from: '2021-04-26T00:00:00Z', to: '2021-04-27T23:59:59Z' };
const PER_PAGE = 3;

type Page = { status: number; body: IncidentsResponse };
const incidentsPage = (host: SecuredHost, user: string, page: number, range = RANGE): Promise<Page> =>
  host.as<IncidentsResponse>(user, 'GET', `${API_PATHS.incidents}?${new URLSearchParams({ ...range, perPage: String(PER_PAGE), page: String(page) })}`);

/** What a page shows: each incident's id and member findings. */
const shown = (p: Page) => p.body.incidents.map((i) => ({ id: i.id, members: i.members.map((m) => `${m.ref.index}/${m.ref.id}`).sort() }));
const memberIds = (p: Page) => p.body.incidents.flatMap((i) => i.members.map((m) => m.ref.id));

describe('incidents paging cache on a secured cluster (users with different document-level access)', () => {
  let admin: Client;
  let host: SecuredHost;
  let ownFindings = 0;

  beforeAll(async () => {
    admin = adminClient();
    host = await startSecuredHost('incidents-paging');
    await applyIndexTemplates(admin, { prefix: host.prefix });
    const scenario = generateScenario({ noise: 200, indexPrefix: host.prefix });
    const findings = scenario.docs.filter((d) => d._index.includes('guardduty'));
    ownFindings = new Set(findings.map((d) => (d._source as { '@id': string })['@id'])).size;
    await loadDocuments(admin, [...findings, ...findings.map(twinInAccountY)], { refresh: true });
  });
  afterAll(async () => {
    if (host) await deletePrefixed(admin, host.prefix);
    await host?.cleanup();
    await admin?.close();
  });

  it("B's page 2 never comes from A's grouping, A's own page 2 does; each sees only what it may", async () => {
    // A (DLS: account X only) groups page 1: its grouping is kept for A.
    const a1 = await incidentsPage(host, 'analyst_a', 1);
    expect(a1.status).toBe(200);
    expect(a1.body.took.groupingReused).toBeUndefined();
    expect(a1.body.findings).toBe(ownFindings);
    expect(a1.body.total).toBeGreaterThan(PER_PAGE); // there is a page 2

    // B (every account) asks for page 2 straight away: A's grouping is not B's.
    const b2cold = await incidentsPage(host, 'analyst_b', 2);
    expect(b2cold.status).toBe(200);
    expect(b2cold.body.took.groupingReused).toBeUndefined();
    expect(b2cold.body.findings).toBe(2 * ownFindings);

    // B's page 1 groups afresh; B's page 2 then reuses B's grouping and shows what the cold one showed.
    const b1 = await incidentsPage(host, 'analyst_b', 1);
    expect(b1.body.took.groupingReused).toBeUndefined();
    const b2 = await incidentsPage(host, 'analyst_b', 2);
    expect(b2.body.took.groupingReused).toBe(true);
    expect({ total: b2.body.total, findings: b2.body.findings, shown: shown(b2) }).toEqual({ total: b1.body.total, findings: b1.body.findings, shown: shown(b2cold) });
    // Findings of one account never group with the other's: B has twice A's incidents.
    expect(b1.body.total).toBe(2 * a1.body.total);
    expect([...memberIds(b1), ...memberIds(b2)].some((id) => id.endsWith(Y_SUFFIX))).toBe(true);

    // A's page 2 reuses A's grouping (not B's, cached since): A's total, and no finding of account Y.
    const a2 = await incidentsPage(host, 'analyst_a', 2);
    expect(a2.body.took.groupingReused).toBe(true);
    expect({ total: a2.body.total, findings: a2.body.findings }).toEqual({ total: a1.body.total, findings: ownFindings });
    expect([...memberIds(a1), ...memberIds(a2)].filter((id) => id.endsWith(Y_SUFFIX))).toEqual([]);
  });

  it("the other way round: B's grouping, kept, never serves A's page 2", async () => {
    const b1 = await incidentsPage(host, 'analyst_b', 1, RANGE_2);
    expect(b1.body.took.groupingReused).toBeUndefined();
    const a2cold = await incidentsPage(host, 'analyst_a', 2, RANGE_2);
    expect(a2cold.status).toBe(200);
    expect(a2cold.body.took.groupingReused).toBeUndefined();
    expect(a2cold.body.findings).toBe(ownFindings);
    expect(a2cold.body.total * 2).toBe(b1.body.total);
    expect(memberIds(a2cold).filter((id) => id.endsWith(Y_SUFFIX))).toEqual([]);
    // A's page 1 over that range, then page 2 again: A's grouping now serves it, and it shows the same.
    await incidentsPage(host, 'analyst_a', 1, RANGE_2);
    const a2 = await incidentsPage(host, 'analyst_a', 2, RANGE_2);
    expect(a2.body.took.groupingReused).toBe(true);
    expect(shown(a2)).toEqual(shown(a2cold));
  });
});
