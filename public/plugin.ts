import { APP_ID, PLUGIN_NAME } from '../common/constants';
import { AppCategory, AppMountParameters, CoreSetup, CoreStart, PluginInitializerContext, SiemInvestigationsPublicSetup, SiemInvestigationsPublicStart } from './types';

/**
 * Where third-party security plugins sit in the classic OSD navigation (Security Analytics,
 * Alerting, Anomaly Detection declare the same category), so analysts find it next to them.
 */
export const APP_CATEGORY: AppCategory = { id: 'opensearch', label: 'OpenSearch Plugins', order: 2000 };

export class SiemInvestigationsPublicPlugin {
  constructor(private readonly initializerContext: PluginInitializerContext) {}

  public setup(core: CoreSetup): SiemInvestigationsPublicSetup {
    core.application.register({
      id: APP_ID,
      title: PLUGIN_NAME,
      category: APP_CATEGORY,
      order: 7010,
      euiIconType: 'securityAnalyticsApp',
      mount: async (params: AppMountParameters) => {
        const [[coreStart], { renderApp }] = await Promise.all([core.getStartServices(), import('./application')]);
        return renderApp(coreStart as CoreStart, params);
      },
    });
    return {};
  }

  public start(_core: CoreStart): SiemInvestigationsPublicStart {
    return {};
  }

  public stop() {}
}
