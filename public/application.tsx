import React from 'react';
import { SiemInvestigationsApp } from './app';
import { renderRoot } from './render_root';
import { createAppServices } from './services/app_services';
import { SourceDefinitions } from '../common/sources';
import { AppMountParameters, CoreStart } from './types';

export function renderApp(core: CoreStart, params: AppMountParameters, sources?: SourceDefinitions): () => void {
  // As OSD's own apps: inside core's i18n context, which also translates OUI's strings (pagination, date picker).
  const I18nContext = core.i18n?.Context ?? React.Fragment;
  return renderRoot(
    <I18nContext>
      <SiemInvestigationsApp services={createAppServices(core, sources)} />
    </I18nContext>,
    params.element
  );
}
