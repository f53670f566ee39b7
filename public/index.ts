import { SiemInvestigationsPublicPlugin } from './plugin';
import { PluginInitializerContext } from './types';

/** OSD reads `__osdBundles__.get('plugin/siemInvestigations/public').plugin` and calls it. */
export const plugin = (initializerContext: PluginInitializerContext) => new SiemInvestigationsPublicPlugin(initializerContext);

export type { SiemInvestigationsPublicSetup, SiemInvestigationsPublicStart } from './types';
