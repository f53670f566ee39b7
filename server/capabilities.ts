import { CAPABILITY_ID } from '../common/constants';
import { HttpError } from './lib/errors';
import { CapabilitiesRequest, CoreSetup } from './types';

/**
 * `siemInvestigations: { show, save }`. `save` (create, edit, comment, attach, delete cases) is off
 * for a user OSD calls read-only: with the security dashboards plugin, a user in a tenant they may
 * only read (core's read-only service, `hideForReadonly`). The UI hides its write controls on
 * `save: false`, and every write route refuses with 403 (`assertCanSave`), so the API does not rely
 * on the UI.
 */
export function registerCapabilities(core: Pick<CoreSetup, 'capabilities' | 'security'>): void {
  core.capabilities.registerProvider(() => ({ [CAPABILITY_ID]: { show: true, save: true } }));
  const security = core.security;
  if (security) {
    core.capabilities.registerSwitcher((request, capabilities) =>
      security.readonlyService().hideForReadonly(request, capabilities, { [CAPABILITY_ID]: { save: false } })
    );
  }
}

/** Throws a 403 `HttpError` unless the request's user has `siemInvestigations.save`. */
export function createSaveGuard(getStartServices: CoreSetup['getStartServices']) {
  return async (request: CapabilitiesRequest): Promise<void> => {
    const [core] = await getStartServices();
    const capabilities = await core.capabilities.resolveCapabilities(request);
    if (capabilities[CAPABILITY_ID]?.save !== true) {
      throw new HttpError(403, 'Not allowed: you can read cases here but not change them (read-only tenant or role)');
    }
  };
}
