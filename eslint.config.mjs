import nx from '@nx/eslint-plugin';

const frameworkPackages = [
  '@nestjs/*',
  '@angular/*',
  'typeorm',
  'bull',
  'ioredis',
  'rxjs',
  'rxjs/*',
  'fastify',
  '@fastify/*',
];

const HAND_WRITTEN_SQL =
  "Hand-written SQL lives in a repository in libs/api/db (see docs/architecture.md, 'Statements')";

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/test-output',
      'data/**',
      'bench/results/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
            },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: frameworkPackages,
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:core-feature',
                'type:engine',
                'type:data-access',
                'type:ui',
                'type:util',
                'type:domain',
              ],
            },
            {
              // What other features build on (applications: the detail and the action path).
              sourceTag: 'type:core-feature',
              onlyDependOnLibsWithTags: [
                'type:engine',
                'type:data-access',
                'type:util',
                'type:domain',
              ],
            },
            {
              // The workflow engine: reads the programmes, knows no feature.
              sourceTag: 'type:engine',
              onlyDependOnLibsWithTags: [
                'type:data-access',
                'type:util',
                'type:domain',
              ],
            },
            {
              // The demo walks every feature's services.
              sourceTag: 'type:demo',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:core-feature',
                'type:engine',
                'type:data-access',
                'type:util',
                'type:domain',
              ],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: [
                'type:data-access',
                'type:util',
                'type:domain',
              ],
            },
            {
              sourceTag: 'type:ui',
              onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:domain'],
            },
            {
              sourceTag: 'type:util',
              onlyDependOnLibsWithTags: ['type:util', 'type:domain'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    ignores: ['**/*.config.ts', '**/jest.config.ts', '**/playwright.config.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Hand-written SQL only in libs/api/db's repositories. Paths from the repository's root
    // (basePath), also when a project's own eslint.config.mjs spreads this one.
    basePath: import.meta.dirname,
    files: [
      'libs/api/**/*.ts',
      'apps/api/src/app/**/*.ts',
      'apps/worker/src/**/*.ts',
    ],
    ignores: ['libs/api/db/**', 'libs/api/testing/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message: HAND_WRITTEN_SQL,
        },
        {
          selector: "CallExpression[callee.name='execute']",
          message: HAND_WRITTEN_SQL,
        },
      ],
    },
  },
];
