import { useEffect, useState } from 'react';
import { useAppServices } from '../services/app_services';

/**
 * The current tenant for share links: `undefined` while asking, `null` without multi-tenancy.
 * Asked once per page, before the user clicks, so copying happens within the click itself.
 */
export function useTenant(): string | null | undefined {
  const { api } = useAppServices();
  const [tenant, setTenant] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void api.currentTenant().then((t) => live && setTenant(t));
    return () => {
      live = false;
    };
  }, [api]);
  return tenant;
}
