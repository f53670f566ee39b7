module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2021, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'react-hooks'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
  env: { node: true, browser: true, es2021: true, jest: true },
  rules: {
    '@typescript-eslint/no-explicit-any': 'off',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    '@typescript-eslint/no-var-requires': 'off',
    '@typescript-eslint/no-non-null-assertion': 'off',
    'react-hooks/rules-of-hooks': 'error',
    'react-hooks/exhaustive-deps': 'warn',
    'no-control-regex': 'off',
  },
  overrides: [
    {
      // Colours come from OUI's theme and palettes (public/shared/palette.ts), never hex codes: a
      // hard-coded colour ignores dark mode and OSD's newer themes (docs/ui.md, "Theme").
      files: ['public/**/*.ts', 'public/**/*.tsx'],
      excludedFiles: ['**/*.test.ts', '**/*.test.tsx', 'public/testing/**'],
      rules: {
        'no-restricted-syntax': [
          'error',
          {
            selector: 'Literal[value=/#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})(?![0-9a-zA-Z_])/]',
            message: 'No hex colours in the browser code: use OUI props, euiThemeVars or a palette of public/shared/palette.ts.',
          },
          {
            selector: 'TemplateElement[value.raw=/#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})(?![0-9a-zA-Z_])/]',
            message: 'No hex colours in the browser code: use OUI props, euiThemeVars or a palette of public/shared/palette.ts.',
          },
        ],
      },
    },
  ],
  ignorePatterns: ['node_modules/', '/build/', '/target/', '/.opensearch/', '/dev/opensearch/target/', '/test-results/', '*.d.ts'],
};
