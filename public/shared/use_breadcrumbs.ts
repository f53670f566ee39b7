import { useEffect } from 'react';
import { APP_ID, PLUGIN_NAME } from '../../common/constants';
import { useAppServices } from '../services/app_services';

export interface Crumb {
  text: string;
  /** A hash route inside the app (`/cases`), turned into a full URL with getUrlForApp. */
  path?: string;
}

/** Sets the chrome breadcrumbs: always "Investigations" first, then the page's own. */
export function useBreadcrumbs(crumbs: Crumb[]): void {
  const { core } = useAppServices();
  const key = JSON.stringify(crumbs);
  useEffect(() => {
    const all: Crumb[] = [{ text: PLUGIN_NAME, path: '/' }, ...(JSON.parse(key) as Crumb[])];
    core.chrome.setBreadcrumbs(
      all.map((c, i) => ({
        text: c.text,
        ...(c.path !== undefined && i < all.length - 1 ? { href: core.application.getUrlForApp(APP_ID, { path: `#${c.path}` }) } : {}),
      }))
    );
  }, [core, key]);
}
