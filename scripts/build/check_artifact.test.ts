import { checkArtifact } from './check_artifact';
import { stampManifest } from './server_files';

const P = 'opensearch-dashboards/siemInvestigations/';
const manifest = { id: 'siemInvestigations', version: '3.8.0.0', opensearchDashboardsVersion: '3.8.0', server: true, ui: true, requiredPlugins: [], optionalPlugins: [], configPath: ['siem_investigations'] };

function entries(overrides: Record<string, string | undefined> = {}) {
  const base: Record<string, string | undefined> = {
    [`${P}opensearch_dashboards.json`]: JSON.stringify(manifest),
    [`${P}package.json`]: '{}',
    [`${P}server/index.js`]: 'exports.plugin = () => ({ setup() {} });',
    [`${P}common/constants.js`]: '',
    [`${P}.i18nrc.json`]: JSON.stringify({ prefix: 'siemInvestigations', paths: { siemInvestigations: '.' }, translations: ['translations/ja-JP.json'] }),
    [`${P}translations/ja-JP.json`]: JSON.stringify({ messages: {} }),
    [`${P}target/public/siemInvestigations.plugin.js`]: "window.__osdBundles__.define('plugin/siemInvestigations/public', () => ({ plugin }));",
    ...overrides,
  };
  return new Map(Object.entries(base).filter(([, v]) => v !== undefined).map(([k, v]) => [k, Buffer.from(v!)]));
}

const check = (e: Map<string, Buffer>, osdVersion = '3.8.0') => checkArtifact(e, { id: 'siemInvestigations', osdVersion }).problems;

describe('plugin zip checks', () => {
  it('accepts a zip laid out as the install CLI expects', () => {
    expect(check(entries())).toEqual([]);
  });

  it('refuses a zip whose translations OSD would not find (plugin-helpers ship .i18nrc.json and translations/)', () => {
    expect(check(entries({ [`${P}.i18nrc.json`]: undefined }))).toEqual([expect.stringMatching(/^missing \.i18nrc\.json/)]);
    expect(check(entries({ [`${P}translations/ja-JP.json`]: undefined }))).toEqual(['.i18nrc.json names translations/ja-JP.json, which is not in the zip']);
    expect(check(entries({ [`${P}translations/ja-JP.json`]: '{"formats":{}}' }))).toEqual(['translations/ja-JP.json has no messages']);
  });

  it('refuses a version the install CLI would not install on the target OSD', () => {
    expect(check(entries(), '3.7.0').join('\n')).toMatch(/does not match the target 3\.7\.0/);
  });

  it('refuses manifest keys older OSD parsers reject', () => {
    const m = { ...manifest, supportedOSDataSourceVersions: '>=2.9.0' };
    expect(check(entries({ [`${P}opensearch_dashboards.json`]: JSON.stringify(m) })).join()).toMatch(/supportedOSDataSourceVersions/);
  });

  it('finds bundled shared dependencies and eval', () => {
    const b = "__osdBundles__.define('plugin/siemInvestigations/public');var x='__lodash_hash_undefined__';eval('1')";
    const problems = check(entries({ [`${P}target/public/siemInvestigations.plugin.js`]: b })).join('\n');
    expect(problems).toMatch(/lodash/);
    expect(problems).toMatch(/eval/);
  });

  it('finds sources, tests and stray entries', () => {
    const problems = check(entries({ [`${P}server/plugin.ts`]: '', [`${P}server/x.test.js`]: '', 'other/file': '' })).join('\n');
    expect(problems).toMatch(/TypeScript/);
    expect(problems).toMatch(/tests in the zip/);
    expect(problems).toMatch(/outside/);
  });

  it('stamps the target OSD version into the manifest', () => {
    expect(stampManifest(manifest, '2.19.0')).toMatchObject({ version: '2.19.0.0', opensearchDashboardsVersion: '2.19.0' });
    expect(() => stampManifest(manifest, '3.8')).toThrow(/x\.y\.z/);
  });
});
