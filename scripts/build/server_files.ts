import fs from 'fs';
import path from 'path';
import { transformFileSync } from '@babel/core';

/**
 * What OSD's plugin-helpers `writeServerFiles` does: copy the manifest and package.json, and
 * transpile `server/` and `common/` with Babel only (no bundling; CommonJS; imports stay imports).
 * Tests, type declarations and the browser code are left out.
 */
const SKIP = /(\.test\.[jt]sx?|\.d\.ts)$|(^|\/)(__tests__|__mocks__)(\/|$)/;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** One file, Babel only: CommonJS for OSD's Node, TypeScript types stripped. */
export function transpileFile(file: string, target: string): void {
  const out = transformFileSync(file, {
    babelrc: false,
    configFile: false,
    presets: [
      [require.resolve('@babel/preset-env'), { targets: { node: '18' }, modules: 'commonjs' }],
      [require.resolve('@babel/preset-typescript'), { allowDeclareFields: true }],
    ],
    sourceMaps: false,
  });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, out!.code + '\n');
}

export function transpileTree(root: string, folders: string[], outDir: string): string[] {
  const written: string[] = [];
  for (const folder of folders) {
    for (const file of walk(path.join(root, folder))) {
      const rel = path.relative(root, file);
      if (SKIP.test(rel)) continue;
      const target = path.join(outDir, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (/\.[jt]sx?$/.test(file)) {
        const jsTarget = target.replace(/\.[jt]sx?$/, '.js');
        transpileFile(file, jsTarget);
        written.push(path.relative(outDir, jsTarget));
      } else if (/\.json$/.test(file)) {
        fs.copyFileSync(file, target);
        written.push(rel);
      }
    }
  }
  return written;
}

export interface Manifest {
  id: string;
  version: string;
  opensearchDashboardsVersion?: string;
  [key: string]: unknown;
}

/** The plugin version follows the OSD version it is built for (`3.8.0` → `3.8.0.0`). */
export function stampManifest(manifest: Manifest, osdVersion: string): Manifest {
  if (!/^\d+\.\d+\.\d+$/.test(osdVersion)) throw new Error(`--osd-version must be x.y.z, got ${osdVersion}`);
  return { ...manifest, version: `${osdVersion}.0`, opensearchDashboardsVersion: osdVersion };
}

/** package.json for the zip: no dev dependencies, no scripts that need this repository. */
export function productionPackageJson(pkg: Record<string, any>, version: string): Record<string, unknown> {
  return {
    name: pkg.name,
    version,
    description: pkg.description,
    license: pkg.license,
    main: 'server/index.js',
    dependencies: pkg.dependencies ?? {},
  };
}
