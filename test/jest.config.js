// Projects: `unit` (pure logic and components, no OpenSearch), `integration` (a real OpenSearch at
// OPENSEARCH_URL), `secured` (OpenSearch 2.19 with the security plugin at OPENSEARCH_SECURE_URL) and
// `e2e` (the dev host in Debian chromium).
const path = require('path');
const ROOT = path.resolve(__dirname, '..');

const common = {
  rootDir: ROOT,
  transform: { '^.+\\.m?[jt]sx?$': 'babel-jest' },
  modulePathIgnorePatterns: ['<rootDir>/build/'],
  // OUI pulls in ESM-only packages (uuid, d3-*, internmap).
  transformIgnorePatterns: ['/node_modules/(?!(uuid|d3-[a-z-]+|internmap)/)'],
  moduleNameMapper: {
    '\\.(css|less|scss)$': '<rootDir>/test/stubs/style_stub.js',
    // OSD provides @osd/config-schema at run time; outside OSD it is this repository's implementation.
    '^@osd/config-schema$': '<rootDir>/dev/host/config_schema.ts',
    // OSD provides @osd/ui-shared-deps/theme (the page's OUI theme variables) as a shared module.
    '^@osd/ui-shared-deps/theme$': '<rootDir>/dev/host/browser/ui_shared_deps_theme.ts',
    // Likewise @osd/i18n and @osd/i18n/react (dev/host/i18n: ICU messages with intl-messageformat).
    '^@osd/i18n$': '<rootDir>/dev/host/i18n/index.ts',
    '^@osd/i18n/react$': '<rootDir>/dev/host/i18n/react.tsx',
  },
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/build/', '<rootDir>/.opensearch/'],
};

module.exports = {
  rootDir: ROOT,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{common,server,dev,scripts}/**/*.test.ts', '<rootDir>/test/fixtures/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      setupFilesAfterEnv: ['<rootDir>/test/setup_jsdom.ts'],
      testMatch: ['<rootDir>/public/**/*.test.{ts,tsx}'],
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/build/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'secured',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/secured/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
