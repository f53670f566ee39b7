import React from 'react';
import { SiemInvestigationsApp } from './app';
import { renderRoot } from './render_root';
import { createAppServices } from './services/app_services';
import { SourceDefinitions } from '../common/sources';
import { AppMountParameters, CoreStart } from './types';

export function renderApp(core: CoreStart, params: AppMountParameters, sources?: SourceDefinitions): () => void {
  return renderRoot(<SiemInvestigationsApp services={createAppServices(core, sources)} />, params.element);
}
