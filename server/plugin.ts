import { resolveSources, SourceDefinitions } from '../common/sources';
import { registerCapabilities, createSaveGuard } from './capabilities';
import { caseSavedObjectType } from './cases';
import { SiemInvestigationsConfig } from './config';
import { registerCasesRoutes } from './routes/cases';
import { registerDocumentRoute } from './routes/document';
import { registerFindingsRoute } from './routes/findings';
import { registerInvestigateRoute } from './routes/investigate';
import { CoreSetup, Logger, PluginInitializerContext } from './types';

export class SiemInvestigationsPlugin {
  private readonly logger: Logger;
  private sources: SourceDefinitions = resolveSources();
  private readonly configSubscription: { unsubscribe(): void };

  constructor(initializerContext: PluginInitializerContext<SiemInvestigationsConfig>) {
    this.logger = initializerContext.logger.get();
    this.configSubscription = initializerContext.config.create<SiemInvestigationsConfig>().subscribe((config) => {
      this.sources = resolveSources(config?.sources);
    });
  }

  public setup(core: CoreSetup) {
    const router = core.http.createRouter();
    const deps = { router, logger: this.logger, getSources: () => this.sources };
    registerFindingsRoute(deps);
    registerInvestigateRoute(deps);
    registerDocumentRoute(deps);
    registerCasesRoutes({ ...deps, assertCanSave: createSaveGuard(() => core.getStartServices()) });
    core.savedObjects.registerType(caseSavedObjectType);
    registerCapabilities(core);
    return {};
  }

  public start() {
    return {};
  }

  public stop() {
    this.configSubscription.unsubscribe();
  }
}
