import { APP_ID, PLUGIN_NAME } from '../common/constants';
import { resolveSources, SourceDefinitions, SourceOverrides } from '../common/sources';
import { registerDiscoverIntegrations } from './discover/register';
import { AppServices, createAppServices } from './services/app_services';
import {
  AppCategory,
  AppMountParameters,
  ChromeNavGroup,
  CoreSetup,
  CoreStart,
  PluginInitializerContext,
  SiemInvestigationsPublicSetup,
  SiemInvestigationsPublicStart,
  SiemInvestigationsSetupDeps,
} from './types';
import { i18n } from '@osd/i18n';

/**
 * Where third-party security plugins sit in the classic OSD navigation (Security Analytics,
 * Alerting, Anomaly Detection declare the same category), so analysts find it next to them.
 */
export const APP_CATEGORY: AppCategory = {
  id: 'opensearch',
  get label() {
    return i18n.translate('siemInvestigations.app.category', { defaultMessage: 'OpenSearch Plugins' });
  },
  order: 2000,
};

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

/** The new-navigation groups the app belongs in, by preference; OSD's ids for them. */
export const NAV_GROUP_IDS = ['security-analytics', 'observability'] as const;

/** The group a registered nav group map already holds, as OSD holds it (without its links). */
function knownNavGroup(navGroup: NonNullable<NonNullable<CoreSetup['chrome']>['navGroup']>): ChromeNavGroup | undefined {
  if (typeof navGroup.getNavGroupsMap$ !== 'function') return undefined;
  let groups: Record<string, ChromeNavGroup> | undefined;
  // A BehaviorSubject: its current value arrives synchronously, or not at all.
  navGroup.getNavGroupsMap$().subscribe((value) => (groups = value))?.unsubscribe();
  for (const id of NAV_GROUP_IDS) {
    const group = groups?.[id];
    if (group && typeof group.id === 'string' && typeof group.title === 'string') {
      const { navLinks: _links, ...rest } = group as ChromeNavGroup & { navLinks?: unknown };
      return rest as ChromeNavGroup;
    }
  }
  return undefined;
}

/**
 * Adds the app to the new left navigation (OSD_CONTRACTS.md §5) when it is on. OSD's own plugins
 * pass `DEFAULT_NAV_GROUPS.observability` (or `['security-analytics']`), a constant imported from
 * OSD core's source that a plugin built outside OSD cannot import, and the setup contract does not
 * expose it. So the group is used only if this OSD hands it out at runtime (`getNavGroupsMap$` at
 * setup, in some releases); otherwise nothing is added and the app stays reachable by URL and by
 * the classic navigation. Never throws: navigation must not stop the app. Returns whether it added.
 */
export function registerNavLinks(core: CoreSetup): boolean {
  try {
    const navGroup = core.chrome?.navGroup;
    if (!navGroup || typeof navGroup.addNavLinksToGroup !== 'function' || navGroup.getNavGroupEnabled?.() !== true) return false;
    const group = knownNavGroup(navGroup);
    if (!group) return false;
    navGroup.addNavLinksToGroup(group, [{ id: APP_ID, category: APP_CATEGORY, order: 7010 }]);
    return true;
  } catch (e) {
    console.warn('Investigations: could not add the app to the navigation', e);
    return false;
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
    registerNavLinks(core);
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
