// Playwright setup for benchmarks that need the app in a browser (they print figures, assert nothing
// about time). Same browser, harness and server as the end-to-end tests.
import { defineConfig } from '@playwright/test'
import base from '../playwright.config'

export default defineConfig({
  ...base,
  testDir: '.',
  outputDir: '../test-results/bench',
  timeout: 900_000,
  workers: 1,
  reporter: [['list']],
  // No Playwright trace, screenshots or video: recording them snapshots the page's DOM inside the
  // page after every action, long tasks that are the harness's, not the app's.
  use: { ...base.use, trace: 'off', screenshot: 'off', video: 'off' },
  projects: [{ name: 'bench', testMatch: /.*\.bench\.ts/, use: { browserName: 'chromium' } }],
  webServer: { ...(base.webServer as object), cwd: process.cwd() } as typeof base.webServer
})
