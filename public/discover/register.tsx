import React, { ComponentType } from 'react';
import { SourceDefinitions } from '../../common/sources';
import { canSaveCases } from '../shared/capabilities';
import { addToCasePath } from '../routes';
import { AppServices, AppServicesProvider } from '../services/app_services';
import { DocViewInput, DocViewLink, DocViewRenderProps, LogActionDefinition, LogActionItemProps, SiemInvestigationsSetupDeps } from '../types';
import { DocViewPanel } from './doc_view_panel';
import { refOfHit, sourceOfHit, sourceOfLogContext } from './document_of';
import { LogActionItem } from './log_action_item';
import { i18n } from '@osd/i18n';

export const LOG_ACTION_ID = 'siem-investigations-add-to-case';
const ORDER = 30;

export interface DiscoverIntegrationDeps {
  sources: SourceDefinitions;
  /** The app's services once the plugin has started (Discover renders only after that). */
  getServices(): AppServices | undefined;
  /** The app URL of a hash path (`/add?…`), with base path and workspace. */
  appUrl(hashPath: string): string;
}

/** Discover and Explore render these in their own React trees: give them the plugin's services. */
function withServices<P extends object>(Component: ComponentType<P>, getServices: () => AppServices | undefined): ComponentType<P> {
  return function WithServices(props: P) {
    const services = getServices();
    return services ? (
      <AppServicesProvider services={services}>
        <Component {...props} />
      </AppServicesProvider>
    ) : null;
  };
}

export function createDocView({ sources, getServices }: DiscoverIntegrationDeps): DocViewInput {
  const Panel = withServices(DocViewPanel, getServices);
  return {
    title: i18n.translate('siemInvestigations.discover.register.investigations', { defaultMessage: 'Investigations' }),
    order: ORDER,
    shouldShow: (hit) => sourceOfHit(hit, sources) !== null,
    component: function InvestigationsDocView({ hit }: DocViewRenderProps) {
      return <Panel hit={hit} />;
    },
  };
}

/** Whether the user may add to cases; until the plugin has started, allowed (the page checks again). */
const mayAddToCase = (getServices: DiscoverIntegrationDeps['getServices']) => canSaveCases(getServices()?.core);

export function createDocViewLink({ sources, appUrl, getServices }: DiscoverIntegrationDeps): DocViewLink & { generateurlcb: (props: { hit: DocViewRenderProps['hit'] }) => string | undefined } {
  const generate = ({ hit }: { hit: DocViewRenderProps['hit'] }) =>
    sourceOfHit(hit, sources) && mayAddToCase(getServices) ? { url: appUrl(addToCasePath(refOfHit(hit))) } : { url: '', hide: true };
  return {
    label: i18n.translate('siemInvestigations.discover.register.addToCase', { defaultMessage: 'Add to case' }),
    order: ORDER,
    generateCb: generate,
    // Discover before `generateCb` (2.x) read `generateurlcb` and had no `hide`.
    generateurlcb: (props) => {
      const link = generate(props);
      return link.hide ? undefined : link.url;
    },
  };
}

export function createLogAction({ sources, getServices }: DiscoverIntegrationDeps): LogActionDefinition {
  return {
    id: LOG_ACTION_ID,
    get displayName() {
      return i18n.translate('siemInvestigations.discover.register.logActionName', { defaultMessage: 'Add to case' });
    },
    iconType: 'folderCheck',
    order: ORDER,
    isCompatible: (context) => sourceOfLogContext(context, sources) !== null && mayAddToCase(getServices),
    component: withServices<LogActionItemProps>(LogActionItem, getServices),
  };
}

/**
 * Registers the doc view, the doc view link and the log action with whichever of Discover and
 * Explore are present. Both are optional plugins whose contracts changed over releases: each
 * registry is feature-detected and each registration isolated, so nothing here can stop the app.
 * Returns what was registered.
 */
export function registerDiscoverIntegrations(plugins: SiemInvestigationsSetupDeps | undefined, deps: DiscoverIntegrationDeps): string[] {
  const registered: string[] = [];
  const attempt = (name: string, register: () => boolean) => {
    try {
      if (register()) registered.push(name);
    } catch (e) {
      // A registry that exists but refuses (a newer contract, a duplicate id) costs this entry point only.
      console.warn(`Investigations: could not register with ${name}`, e);
    }
  };
  for (const host of ['discover', 'explore'] as const) {
    const contract = plugins?.[host];
    attempt(`${host}.docViews`, () => {
      if (typeof contract?.docViews?.addDocView !== 'function') return false;
      contract.docViews.addDocView(createDocView(deps));
      return true;
    });
    attempt(`${host}.docViewsLinks`, () => {
      if (typeof contract?.docViewsLinks?.addDocViewLink !== 'function') return false;
      contract.docViewsLinks.addDocViewLink(createDocViewLink(deps));
      return true;
    });
  }
  attempt('explore.logActionRegistry', () => {
    const registry = plugins?.explore?.logActionRegistry;
    if (typeof registry?.registerAction !== 'function') return false;
    registry.registerAction(createLogAction(deps));
    return true;
  });
  return registered;
}
