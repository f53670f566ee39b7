import { createConfigDescriptor, SiemInvestigationsConfig } from './config';
import { SiemInvestigationsPlugin } from './plugin';
import { PluginInitializerContext } from './types';

export const config = createConfigDescriptor();

export function plugin(initializerContext: PluginInitializerContext<SiemInvestigationsConfig>) {
  return new SiemInvestigationsPlugin(initializerContext);
}
