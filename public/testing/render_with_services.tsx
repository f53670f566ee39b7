import React, { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { AppServicesProvider, createAppServices } from '../services/app_services';
import { CoreStart } from '../types';
import { fakeCore } from './fake_core';
import './test_ids';

/** Renders a page or component inside the app's providers, with a router at `path`. */
export function renderWithServices(ui: ReactElement, { core = fakeCore().core, path = '/' }: { core?: CoreStart; path?: string } = {}) {
  const services = createAppServices(core);
  return {
    services,
    ...render(
      <AppServicesProvider services={services}>
        <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
      </AppServicesProvider>
    ),
  };
}
