import { CAPABILITY_ID } from '../../common/constants';
import { useAppServices } from '../services/app_services';
import { CoreStart } from '../types';

/**
 * Whether the user may change cases: create them, edit them, comment, add documents. The server
 * registers `siemInvestigations: { show, save }`; OSD (with a security plugin or workspaces) may
 * turn `save` off. Only an explicit `false` forbids: a host without capabilities (or without ours)
 * leaves editing on, and the API still checks every write.
 */
export function canSaveCases(core: Pick<CoreStart, 'application'> | undefined): boolean {
  try {
    const ours = core?.application?.capabilities?.[CAPABILITY_ID] as Record<string, unknown> | undefined;
    return ours?.save !== false;
  } catch {
    return true;
  }
}

/** `canSaveCases` for the app's services. */
export function useCanSaveCases(): boolean {
  return canSaveCases(useAppServices().core);
}
