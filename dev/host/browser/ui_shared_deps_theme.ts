/**
 * The dev host's `@osd/ui-shared-deps/theme` (window.__osdSharedDeps__.Theme), with OSD's
 * semantics (packages/osd-ui-shared-deps/theme.ts): the page's bootstrap sets
 * `window.__osdThemeTag__` (`v7light`, `v8dark`, …) from the uiSettings `theme:version` and
 * `theme:darkMode`; `euiThemeVars` are the variables of that theme and mode. Where the global is
 * missing (jest), the tag is `v7light`. Also what jest resolves `@osd/ui-shared-deps/theme` to.
 */
import LightTheme from '@elastic/eui/dist/eui_theme_light.json';

export type Theme = Record<string, any>;

const globals: any = typeof window === 'undefined' ? {} : window;

export const tag: string = globals.__osdThemeTag__ || 'v7light';
export const version = tag.startsWith('v9') ? 9 : tag.startsWith('v8') ? 8 : 7;
export const darkMode = tag.endsWith('dark');

const THEMES: Record<number, { light: Theme; dark: Theme }> = {
  7: { light: LightTheme, dark: require('@elastic/eui/dist/eui_theme_dark.json') },
  8: { light: require('@elastic/eui/dist/eui_theme_next_light.json'), dark: require('@elastic/eui/dist/eui_theme_next_dark.json') },
  9: { light: require('@elastic/eui/dist/eui_theme_v9_light.json'), dark: require('@elastic/eui/dist/eui_theme_v9_dark.json') },
};

export const euiLightVars: Theme = THEMES[version].light;
export const euiDarkVars: Theme = THEMES[version].dark;
export const euiThemeVars: Theme = darkMode ? euiDarkVars : euiLightVars;
