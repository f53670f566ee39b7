import { APP_ID, PLUGIN_NAME } from '../common/constants';
import { resolveSources, SourceDefinitions, SourceOverrides } from '../common/sources';
import { registerDiscoverIntegrations } from './discover/register';
import { AppServices, createAppServices } from './services/app_services';
import {
  AppCategory,
  AppMountParameters,
  CoreSetup,
  CoreStart,
  PluginInitializerContext,
  SiemInvestigationsPublicSetup,
  SiemInvestigationsPublicStart,
  SiemInvestigationsSetupDeps,
} from './types';

/**
 * Where third-party security plugins sit in the classic OSD navigation (Security Analytics,
 * Alerting, Anomaly Detection declare the same category), so analysts find it next to them.
 */
export const APP_CATEGORY: AppCategory = { id: 'opensearch', label: 'OpenSearch Plugins', order: 2000 };

/**
 * The source index patterns the browser matches documents against: the server's deployment
 * overrides when it exposes them to the browser, else the defaults (docs/ui.md).
 */
function browserSources(initializerContext: PluginInitializerContext): SourceDefinitions {
  try {
    return resolveSources(initializerContext.config?.get<{ sources?: SourceOverrides }>()?.sources);
  } catch {
    return resolveSources();
  }
}

export class SiemInvestigationsPublicPlugin {
  private readonly sources: SourceDefinitions;
  private services?: AppServices;

  constructor(initializerContext: PluginInitializerContext) {
    this.sources = browserSources(initializerContext);
  }

  public setup(core: CoreSetup, plugins: SiemInvestigationsSetupDeps = {}): SiemInvestigationsPublicSetup {
    core.application.register({
      id: APP_ID,
      title: PLUGIN_NAME,
      category: APP_CATEGORY,
      order: 7010,
      euiIconType: 'securityAnalyticsApp',
      mount: async (params: AppMountParameters) => {
        const [[coreStart], { renderApp }] = await Promise.all([core.getStartServices(), import('./application')]);
        return renderApp(coreStart as CoreStart, params, this.sources);
      },
    });
    registerDiscoverIntegrations(plugins, {
      sources: this.sources,
      getServices: () => this.services,
      appUrl: (hashPath) =>
        this.services ? this.services.core.application.getUrlForApp(APP_ID, { path: `#${hashPath}` }) : core.http.basePath.prepend(`/app/${APP_ID}#${hashPath}`),
    });
    return {};
  }

  public start(core: CoreStart): SiemInvestigationsPublicStart {
    // Discover renders the doc view in its own React tree: it gets `core` from here, not from a mount.
    this.services = createAppServices(core, this.sources);
    return {};
  }

  public stop() {}
}
