import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { readdirSync } from 'node:fs'

// Raw ipcMain and ipcRenderer only in the two wrappers that build the typed channels from the contract.
const MAIN_IPC_WRAPPER = 'src/main/index.ts'
const PRELOAD_IPC_WRAPPER = 'src/preload/index.ts'
const RAW_IPC = 'Raw IPC only in its wrapper: use the typed contract (window.api / registered handlers).'

const R = 'src/renderer/src'
const SOURCE = '*.{ts,tsx}'
const PLATFORM = [
  { group: ['xlsx', 'xlsx/*'], message: 'SheetJS runs in the main process only.' },
  { group: ['electron'], message: 'The renderer talks to main through window.api only.' }
]
const DEXIE = {
  group: ['dexie', 'dexie-react-hooks', '**/db/db'],
  message: 'Only src/renderer/src/db opens the database: use its modules (queries, commit, backup, ...).'
}
const up = (layers, from) => ({
  group: layers.flatMap((l) => [`../${l}`, `../${l}/**`, `../../${l}`, `../../${l}/**`]),
  message: `Layers import only downward: ${from} may not import ${layers.join(', ')} (see docs/ARCHITECTURE.md).`
})

// Renderer layers, top to bottom: app, features, shell, components, db, lib (i18n beside lib).
// Features never import each other. Tests may reach past the db layer to set up data.
function rendererLayers() {
  const features = readdirSync(`${R}/features`, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
  const block = (files, patterns, ignores = []) => ({
    files,
    ignores,
    rules: { 'no-restricted-imports': ['error', { patterns: [...PLATFORM, ...patterns] }] }
  })
  const TESTS = [`${R}/**/*.test.ts`]
  return [
    block([`${R}/**/${SOURCE}`], []),
    block([`${R}/app/**/${SOURCE}`], [DEXIE]),
    // A feature file at depth d reaches the features folder with d+1 "../": the next segment names a feature.
    ...features.flatMap((f) =>
      [0, 1, 2].map((depth) =>
        block(
          [`${R}/features/${f}/${'*/'.repeat(depth)}${SOURCE}`],
          [
            {
              regex: `^(\\.\\./){${depth + 1}}(?!${f}/)(?!\\.\\./)`,
              message: 'Features never import each other: move what both need to lib/, components/ or shell/.'
            },
            {
              regex: `^(\\.\\./){${depth + 2}}app(/|$)`,
              message: 'Features may not import app/: the frame imports the features.'
            },
            DEXIE
          ],
          TESTS
        )
      )
    ),
    block([`${R}/shell/**/${SOURCE}`], [up(['app', 'features'], 'shell/'), DEXIE]),
    block([`${R}/components/**/${SOURCE}`], [up(['app', 'features', 'shell'], 'components/'), DEXIE], TESTS),
    block([`${R}/db/**/${SOURCE}`], [up(['app', 'features', 'shell', 'components'], 'db/')]),
    block(
      [`${R}/{lib,i18n}/**/${SOURCE}`],
      [up(['app', 'features', 'shell', 'components', 'db'], 'lib/'), DEXIE]
    )
  ]
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'screenshots/**',
      'bench/.data/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn'
    }
  },
  {
    // Render-pure: refs are read and written in effects only (React's rules for concurrent rendering).
    files: ['src/renderer/src/lib/problem-text.ts'],
    rules: { 'react-hooks/refs': 'error', 'react-hooks/purity': 'error', 'react-hooks/immutability': 'error' }
  },
  {
    // The shared layer is pure: no platform, UI, storage or spreadsheet library.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'src/shared must not import electron.' },
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'src/shared must not import react.'
            },
            { group: ['dexie', 'dexie-react-hooks'], message: 'src/shared must not import dexie.' },
            { group: ['xlsx', 'xlsx/*'], message: 'src/shared must not import xlsx (SheetJS stays in main).' }
          ]
        }
      ]
    }
  },
  ...rendererLayers(),
  {
    files: ['src/main/**/*.ts'],
    ignores: [MAIN_IPC_WRAPPER],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', importNames: ['ipcMain'], message: RAW_IPC }],
          patterns: [{ group: ['dexie', 'dexie-react-hooks'], message: 'Dexie lives in the renderer only.' }]
        }
      ]
    }
  },
  {
    files: [MAIN_IPC_WRAPPER],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['dexie', 'dexie-react-hooks'], message: 'Dexie lives in the renderer only.' }]
        }
      ]
    }
  },
  {
    files: ['src/preload/**/*.ts'],
    ignores: [PRELOAD_IPC_WRAPPER],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcRenderer'], message: RAW_IPC }] }
      ]
    }
  }
)
