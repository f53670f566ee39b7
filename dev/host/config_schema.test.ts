import path from 'path';
import { createConfigDescriptor } from '../../server/config';
import { loadServerPlugin, validatePluginConfig } from './core_server';
import { schema, Type } from './config_schema';

/** The plugin's config, validated as OSD's config service validates it (packages/osd-config-schema). */
describe('config schema (what @osd/config-schema does for the types the plugin uses)', () => {
  const descriptor = createConfigDescriptor();
  const validate = (raw: Record<string, unknown>) => validatePluginConfig(descriptor, raw);
  const ns = '[config validation of [siem_investigations]';

  it('gives the defaults for an absent config', () => {
    expect(descriptor.schema).toBeInstanceOf(Type);
    expect(validate({})).toEqual({ enabled: true, sources: {}, requestTimeout: 30000, cases: { snapshotVisibility: 'source', numberPrefix: 'SIR' }, incidents: { window: '24h', maxFindings: 20000 }, maxDocsPerShard: 200000, observables: { excludeFromCorrelation: [], iocTypes: ['ip', 'domain', 'file_hash'] } });
  });

  it('keeps valid settings and turns boolean strings into booleans', () => {
    const sources = { cloudtrail: { indexPattern: 'ct-*,archive-ct-*', columns: ['@timestamp', 'event.action'] }, guardduty: { timeField: 'updatedAt' } };
    expect(validate({ enabled: 'false', sources, requestTimeout: '5000', cases: { snapshotVisibility: 'case' } })).toEqual({
      enabled: false,
      sources,
      requestTimeout: 5000,
      cases: { snapshotVisibility: 'case', numberPrefix: 'SIR' },
      incidents: { window: '24h', maxFindings: 20000 }, maxDocsPerShard: 200000, observables: { excludeFromCorrelation: [], iocTypes: ['ip', 'domain', 'file_hash'] },
    });
  });

  it.each([
    [{ foo: 1 }, `${ns}.foo]: definition for this key is missing`],
    [{ sources: { zeek: {} } }, `${ns}.sources.zeek]: definition for this key is missing`],
    [{ sources: { cloudtrail: { indexPattern: 5 } } }, `${ns}.sources.cloudtrail.indexPattern]: expected value of type [string] but got [number]`],
    [{ sources: { cloudtrail: { columns: 'a,b' } } }, `${ns}.sources.cloudtrail.columns]: expected value of type [array] but got [string]`],
    [{ sources: { cloudtrail: { columns: ['a', 1] } } }, `${ns}.sources.cloudtrail.columns.1]: expected value of type [string] but got [number]`],
    [{ sources: { cloudtrail: { columns: Array(31).fill('x') } } }, `${ns}.sources.cloudtrail.columns]: array size is [31], but cannot be greater than [30]`],
    [{ sources: [] }, `${ns}.sources]: expected a plain object value, but found [Array] instead.`],
    [{ enabled: 'yes' }, `${ns}.enabled]: expected value of type [boolean] but got [string]`],
    [{ cases: { snapshotVisibility: 'everyone' } }, `${ns}.cases.snapshotVisibility]: types that failed validation:\n- [0]: expected value to equal [source]\n- [1]: expected value to equal [case]`],
    [{ cases: { numberPrefix: 'S-1' } }, `${ns}.cases.numberPrefix]: must be 1-10 letters, digits or _ starting with a letter`],
    [{ requestTimeout: 'soon' }, `${ns}.requestTimeout]: expected value of type [number] but got [string]`],
    [{ requestTimeout: 10 }, `${ns}.requestTimeout]: Value must be equal to or greater than [1000].`],
    [{ requestTimeout: 600000 }, `${ns}.requestTimeout]: Value must be equal to or lower than [300000].`],
  ])('refuses %j with OSD message', (raw, message) => {
    expect(() => validate(raw as Record<string, unknown>)).toThrow(message);
  });

  it('refuses a config without a schema Type, as OSD does', () => {
    expect(() => validatePluginConfig({ schema: undefined }, {})).toThrow('Configuration schema expected to be an instance of Type');
    expect(() => validatePluginConfig({ schema: { validate: () => ({}) } }, {})).toThrow('Configuration schema expected to be an instance of Type');
  });

  it('validates without a namespace as config-schema does', () => {
    expect(() => schema.object({ a: schema.string() }).validate({ a: null })).toThrow('[a]: expected value of type [string] but got [null]');
  });

  it('makes a missing @osd/config-schema a loud error in the plugin, not a schema-less config', () => {
    jest.isolateModules(() => {
      jest.doMock('@osd/config-schema', () => {
        throw new Error("Cannot find module '@osd/config-schema'");
      });
      const { createConfigDescriptor: create } = require('../../server/config');
      expect(() => create()).toThrow(/siemInvestigations needs @osd\/config-schema.*Cannot find module/);
    });
    jest.dontMock('@osd/config-schema');
  });

  it('hands the plugin and the browser the validated config, and refuses a bad one at start-up', async () => {
    const pluginDir = path.resolve(__dirname, '../..');
    const host = await loadServerPlugin({ pluginDir, opensearch: {} as any, config: { sources: { cloudtrail: { indexPattern: 'ct-*' } } } });
    expect(host.browserConfig).toEqual({ sources: { cloudtrail: { indexPattern: 'ct-*' } } });
    await expect(loadServerPlugin({ pluginDir, opensearch: {} as any, config: { sources: { cloudtrial: {} } } })).rejects.toThrow(/sources\.cloudtrial\]: definition for this key is missing/);
  });
});
