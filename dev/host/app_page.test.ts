import fs from 'fs';
import path from 'path';
import { REPO_ROOT } from '../../scripts/build/bundle_public';
import { themeOf } from './app_page';

describe('the page theme (OSD: theme:version and theme:darkMode → theme tag and stylesheet)', () => {
  it('is v7 light by default, dark when theme:darkMode is true', () => {
    expect(themeOf()).toMatchObject({ tag: 'v7light', stylesheet: '/bundles/osd-ui-shared-deps/osd-ui-shared-deps.v7.light.css' });
    expect(themeOf({ 'theme:darkMode': true })).toMatchObject({ tag: 'v7dark', stylesheet: '/bundles/osd-ui-shared-deps/osd-ui-shared-deps.v7.dark.css' });
  });

  it('reads theme:version by value or by the label OSD once stored, and falls back to v7 for anything else', () => {
    expect(themeOf({ 'theme:version': 'Next (preview)', 'theme:darkMode': true }).tag).toBe('v8dark');
    expect(themeOf({ 'theme:version': 'v9 (preview)' }).tag).toBe('v9light');
    expect(themeOf({ 'theme:version': 'v8' }).tag).toBe('v8light');
    expect(themeOf({ 'theme:version': 'v12' }).tag).toBe('v7light');
  });

  it('has the OUI stylesheet of every theme it can name', () => {
    for (const v of ['v7', 'v8', 'v9']) {
      for (const mode of [false, true]) {
        const { version, mode: m } = themeOf({ 'theme:version': v, 'theme:darkMode': mode });
        const file = path.join(REPO_ROOT, 'node_modules/@elastic/eui/dist', `${{ v7: 'eui_theme', v8: 'eui_theme_next', v9: 'eui_theme_v9' }[version]}_${m}.min.css`);
        expect(fs.statSync(file).size).toBeGreaterThan(100_000);
      }
    }
  });
});
