import React, { createContext, ReactNode, useContext } from 'react';
import { DEFAULT_SOURCES, SourceDefinitions } from '../../common/sources';
import { CoreStart } from '../types';
import { InvestigationsApi } from './api_client';
import { I18nProvider } from '@osd/i18n/react';

/** Everything a page needs from the platform, handed down once at mount. */
export interface AppServices {
  core: CoreStart;
  api: InvestigationsApi;
  /**
   * Source definitions: which index is which log source, and links into Discover. The defaults,
   * or the server's overrides when it exposes them to the browser (public/plugin.ts).
   */
  sources: SourceDefinitions;
}

const AppServicesContext = createContext<AppServices | null>(null);

export function createAppServices(core: CoreStart, sources: SourceDefinitions = DEFAULT_SOURCES): AppServices {
  return { core, api: new InvestigationsApi(core.http), sources };
}

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  // Every tree that gets the services (the app, Discover's doc views, tests) also gets OSD's locale.
  return (
    <I18nProvider>
      <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>
    </I18nProvider>
  );
}

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices must be used inside <AppServicesProvider>');
  return services;
}
