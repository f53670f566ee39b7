import fs from 'fs';
import { PLUGIN_ID } from '../../common/constants';
import { buildZip, checkServerEntryLoads } from '../../scripts/build/build_plugin';
import { readZip } from '../../scripts/build/archive';
import { checkArtifact } from '../../scripts/build/check_artifact';

jest.setTimeout(180_000);

/** The very file that ships: built from this repository, then checked as OSD would see it. */
describe('the installable plugin zip', () => {
  let zip: string;
  let entries: Map<string, Buffer>;

  beforeAll(async () => {
    zip = await buildZip('3.8.0');
    entries = await readZip(zip);
  });

  it('is named and laid out as OSD plugin-helpers would make it', () => {
    expect(zip.endsWith(`build/${PLUGIN_ID}-3.8.0.zip`)).toBe(true);
    expect(checkArtifact(entries, { id: PLUGIN_ID, osdVersion: '3.8.0' }).problems).toEqual([]);
  });

  it('carries transpiled CommonJS with the named plugin export, no sources or tests', () => {
    const server = entries.get(`opensearch-dashboards/${PLUGIN_ID}/server/index.js`)!.toString();
    expect(server).toMatch(/exports\.plugin\s*=/);
    expect([...entries.keys()].filter((n) => /\.(tsx?|test\.js)$/.test(n))).toEqual([]);
  });

  it('loads its server entry with production dependencies and @osd/config-schema only, validates its config, registers the API', async () => {
    const { routes, defaultConfig } = await checkServerEntryLoads(zip);
    expect(routes).toEqual(expect.arrayContaining(['GET /api/siem_investigations/findings', 'POST /api/siem_investigations/investigate']));
    expect(defaultConfig).toEqual({ enabled: true, sources: {}, requestTimeout: 30000, cases: { snapshotVisibility: 'source', numberPrefix: 'SIR' }, incidents: { window: '24h', maxFindings: 20000 }, maxDocsPerShard: 200000, observables: { excludeFromCorrelation: [], iocTypes: ['ip', 'domain', 'file_hash'] } });
  });

  it('fails loudly to load where @osd/config-schema cannot be resolved (never a config without schema)', async () => {
    await expect(checkServerEntryLoads(zip, { withConfigSchema: false })).rejects.toThrow(/siemInvestigations needs @osd\/config-schema/);
  });

  it('stamps another OSD version on request', async () => {
    const other = await buildZip('2.19.0');
    const manifest = JSON.parse((await readZip(other)).get(`opensearch-dashboards/${PLUGIN_ID}/opensearch_dashboards.json`)!.toString());
    expect(manifest).toMatchObject({ version: '2.19.0.0', opensearchDashboardsVersion: '2.19.0' });
    fs.rmSync(other);
  });
});
