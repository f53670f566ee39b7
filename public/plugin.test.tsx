import React from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import { APP_ID, PLUGIN_NAME } from '../common/constants';
import { example } from '../test/fixtures/example_docs';
import { LOG_ACTION_ID } from './discover/register';
import { plugin } from './index';
import { fakeCore } from './testing/fake_core';
import './testing/test_ids';
import { App, AppMountParameters, ChromeNavGroupSetup, CoreSetup, DocViewInput, DocViewLink, LogActionDefinition, PluginInitializerContext, SiemInvestigationsSetupDeps } from './types';

jest.spyOn(console, 'warn').mockImplementation(() => undefined);

function setupPlugin(deps?: SiemInvestigationsSetupDeps, context: PluginInitializerContext = {}, { start = true, chrome }: { start?: boolean; chrome?: CoreSetup['chrome'] } = {}) {
  const apps: App[] = [];
  // The landing page is Incidents: an empty answer of its shape (IncidentsResponse); the findings list's otherwise.
  const { core } = fakeCore({
    get: (async (path: string) =>
      String(path).endsWith('/incidents') ? { total: 0, findings: 0, page: 1, perPage: 20, window: '24h', incidents: [], took: { ms: 1 } } : { total: 0, findings: [] }) as any,
  });
  const coreSetup: CoreSetup = {
    application: { register: (app) => apps.push(app) },
    http: core.http,
    notifications: core.notifications,
    getStartServices: async () => [core, {}, {}],
    ...(chrome ? { chrome } : {}),
  };
  const instance = plugin(context);
  instance.setup(coreSetup, deps);
  if (start) instance.start(core);
  return { apps, instance, core };
}

/** Discover's and Explore's setup contracts, recording what is registered (OSD_CONTRACTS.md §6). */
function discoverAndExplore() {
  const docViews: DocViewInput[] = [];
  const links: DocViewLink[] = [];
  const actions: LogActionDefinition[] = [];
  const exploreDocViews: DocViewInput[] = [];
  const deps: SiemInvestigationsSetupDeps = {
    discover: { docViews: { addDocView: (v) => docViews.push(v) }, docViewsLinks: { addDocViewLink: (l) => links.push(l) } },
    explore: {
      docViews: { addDocView: (v) => exploreDocViews.push(v) },
      logActionRegistry: {
        registerAction: (a) => {
          if (actions.some((x) => x.id === a.id)) throw new Error(`Action with id ${a.id} is already registered`);
          actions.push(a);
        },
      },
    },
  };
  return { deps, docViews, links, actions, exploreDocViews };
}

const gdHit = () => {
  const d = example('guardduty_iam_UnauthorizedAccess_IAMUser_MaliciousIPCaller_Custom');
  return { _index: d._index, _id: d._id, _source: d._source };
};

describe('public plugin', () => {
  it('registers the Investigations app under its own id', () => {
    const { apps } = setupPlugin();
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ id: APP_ID, title: PLUGIN_NAME, category: { id: 'opensearch', label: 'OpenSearch Plugins' } });
  });

  it('mounts into the element it is given and unmounts cleanly', async () => {
    const { apps } = setupPlugin();
    const element = document.createElement('div');
    document.body.appendChild(element);
    const params: AppMountParameters = {
      element,
      history: { push: jest.fn(), replace: jest.fn(), createHref: () => '' },
      appBasePath: `/app/${APP_ID}`,
      onAppLeave: jest.fn(),
      setHeaderActionMenu: jest.fn(),
    };
    let unmount!: () => void;
    await act(async () => {
      unmount = await apps[0].mount(params);
    });
    await waitFor(() => expect(element.textContent).toContain('GuardDuty findings'));
    act(() => unmount());
    expect(element.innerHTML).toBe('');
  });

  it('registers the doc view, the doc view link and the log action with Discover and Explore', () => {
    const { deps, docViews, links, actions, exploreDocViews } = discoverAndExplore();
    const { apps } = setupPlugin(deps);
    expect(apps).toHaveLength(1);
    expect(docViews).toEqual([expect.objectContaining({ title: 'Investigations', order: 30 })]);
    expect(links).toEqual([expect.objectContaining({ label: 'Add to case', order: 30 })]);
    expect(actions).toEqual([expect.objectContaining({ id: LOG_ACTION_ID, displayName: 'Add to case', iconType: 'folderCheck', order: 30 })]);
    // Explore's document details take the same doc views (it has its own registry).
    expect(exploreDocViews).toHaveLength(1);
  });

  it.each<[string, SiemInvestigationsSetupDeps | undefined]>([
    ['absent', undefined],
    ['present without registries', { discover: {}, explore: {} }],
    ['of an older shape', { discover: { docViews: {} as any, docViewsLinks: { addDocViewLink: 'no' as any } }, explore: { logActionRegistry: {} } }],
  ])('still registers the app when Discover and Explore are %s', (_name, deps) => {
    const { apps } = setupPlugin(deps);
    expect(apps.map((a) => a.id)).toEqual([APP_ID]);
  });

  it('survives a registry that refuses, and registers the rest', () => {
    const { deps, links } = discoverAndExplore();
    deps.discover!.docViews!.addDocView = () => {
      throw new Error('docViews is frozen');
    };
    const { apps } = setupPlugin(deps);
    expect(apps).toHaveLength(1);
    expect(links).toHaveLength(1);
    expect(console.warn).toHaveBeenCalledWith('Investigations: could not register with discover.docViews', expect.any(Error));
  });

  it('renders the doc view inside Discover with the core from start, not from a mount', () => {
    const { deps, docViews } = discoverAndExplore();
    setupPlugin(deps);
    const View = docViews[0].component!;
    render(<View hit={gdHit()} />);
    expect(screen.getByTestId('docViewInvestigate')).toHaveAttribute('href', expect.stringMatching(/^\/app\/siem-investigations#\/investigate\//));
  });

  it('renders nothing in Discover before the plugin has started', () => {
    const { deps, docViews } = discoverAndExplore();
    setupPlugin(deps, {}, { start: false });
    const View = docViews[0].component!;
    const { container } = render(<View hit={gdHit()} />);
    expect(container.innerHTML).toBe('');
  });

  it('matches documents against the index patterns the server exposes to the browser', () => {
    const { deps, docViews } = discoverAndExplore();
    setupPlugin(deps, { config: { get: <T,>() => ({ sources: { guardduty: { indexPattern: 'archive-guardduty-*' } } }) as T } });
    expect(docViews[0].shouldShow!({ _index: 'archive-guardduty-2021', _id: 'x' })).toBe(true);
    expect(docViews[0].shouldShow!({ _index: 'log-aws-guardduty-2021-04', _id: 'x' })).toBe(false);
    expect(docViews[0].shouldShow!({ _index: 'log-aws-cloudtrail-2021-04', _id: 'x' })).toBe(true);
  });
});

describe('new left navigation', () => {
  const SECURITY = { id: 'security-analytics', title: 'Security Analytics', description: 'Detect threats', order: 5000 };
  /** `core.chrome.navGroup` at setup, holding `groups` in its map (as some OSD releases expose it). */
  function navGroup(enabled: boolean, groups: Record<string, unknown> = { 'security-analytics': { ...SECURITY, navLinks: [{ id: 'opensearch_security_analytics_dashboards' }] } }) {
    const addNavLinksToGroup = jest.fn();
    const contract: ChromeNavGroupSetup = {
      getNavGroupEnabled: () => enabled,
      addNavLinksToGroup,
      getNavGroupsMap$: () => ({ subscribe: (next) => (next(groups as any), { unsubscribe: () => undefined }) }),
    };
    return { contract, addNavLinksToGroup };
  }

  it('sets up without core.chrome or without a navGroup (older OSD)', () => {
    expect(setupPlugin(undefined, {}, { chrome: undefined }).apps).toHaveLength(1);
    expect(setupPlugin(undefined, {}, { chrome: {} }).apps).toHaveLength(1);
  });

  it('adds nothing when the new navigation is off', () => {
    const { contract, addNavLinksToGroup } = navGroup(false);
    expect(setupPlugin(undefined, {}, { chrome: { navGroup: contract } }).apps).toHaveLength(1);
    expect(addNavLinksToGroup).not.toHaveBeenCalled();
  });

  it('adds the app once to the security analytics group OSD holds when the new navigation is on', () => {
    const { contract, addNavLinksToGroup } = navGroup(true);
    expect(setupPlugin(undefined, {}, { chrome: { navGroup: contract } }).apps).toHaveLength(1);
    expect(addNavLinksToGroup).toHaveBeenCalledTimes(1);
    expect(addNavLinksToGroup).toHaveBeenCalledWith(SECURITY, [expect.objectContaining({ id: APP_ID })]);
  });

  it('adds nothing, and does not throw, when OSD does not hand out the group or refuses', () => {
    const withoutGroup = navGroup(true, {});
    setupPlugin(undefined, {}, { chrome: { navGroup: withoutGroup.contract } });
    expect(withoutGroup.addNavLinksToGroup).not.toHaveBeenCalled();

    const noMap = navGroup(true);
    delete noMap.contract.getNavGroupsMap$;
    setupPlugin(undefined, {}, { chrome: { navGroup: noMap.contract } });
    expect(noMap.addNavLinksToGroup).not.toHaveBeenCalled();

    const refusing = navGroup(true);
    refusing.addNavLinksToGroup.mockImplementation(() => {
      throw new Error('nav group service stopped');
    });
    expect(setupPlugin(undefined, {}, { chrome: { navGroup: refusing.contract } }).apps).toHaveLength(1);
    const throwingEnabled: ChromeNavGroupSetup = {
      getNavGroupEnabled: () => {
        throw new Error('ui settings not ready');
      },
      addNavLinksToGroup: jest.fn(),
    };
    expect(setupPlugin(undefined, {}, { chrome: { navGroup: throwingEnabled } }).apps).toHaveLength(1);
  });
});
