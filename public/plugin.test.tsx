import { act, waitFor } from '@testing-library/react';
import { APP_ID, PLUGIN_NAME } from '../common/constants';
import { plugin } from './index';
import { fakeCore } from './testing/fake_core';
import { App, AppMountParameters, CoreSetup } from './types';

describe('public plugin', () => {
  function setupPlugin() {
    const apps: App[] = [];
    const { core } = fakeCore({ get: (async () => ({ total: 0, findings: [] })) as any });
    const coreSetup: CoreSetup = {
      application: { register: (app) => apps.push(app) },
      http: core.http,
      notifications: core.notifications,
      getStartServices: async () => [core, {}, {}],
    };
    const instance = plugin({});
    instance.setup(coreSetup);
    instance.start(core);
    return { apps };
  }

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
});
