import path from 'path';
import { loadServerPlugin } from './core_server';

describe('dev host plugin loading', () => {
  it('hands the browser only the config keys the plugin exposes, as OSD does', async () => {
    const host = await loadServerPlugin({
      pluginDir: path.resolve(__dirname, '../..'),
      opensearch: {} as any,
      config: { sources: { cloudtrail: { indexPattern: 'ct-*' } }, enabled: true },
    });
    expect(host.browserConfig).toEqual({ sources: { cloudtrail: { indexPattern: 'ct-*' } } });
    expect(host.capabilities).toEqual({ siemInvestigations: { show: true, save: true } });
    expect(host.savedObjectTypes.map((t) => t.name)).toEqual(['siem-investigation-case', 'siem-investigation-case-item', 'siem-investigation-case-sequence', 'siem-investigation-observable', 'siem-investigation-case-template']);
  });
});
