import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

// Debian's Chromium where it exists (this machine, CI); Playwright's own browser elsewhere.
function systemChromium(): string | undefined {
  if (process.env['QM_CHROMIUM']) return process.env['QM_CHROMIUM']
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate
  }
  try {
    const found = execSync('which chromium', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
    return found || undefined
  } catch {
    return undefined
  }
}

const executablePath = systemChromium()
const PORT = Number(process.env['QM_E2E_PORT'] ?? 4173)

export default defineConfig({
  testDir: 'test',
  // One artifacts folder per port, so parallel runs (one per engineer) never wipe each other's.
  outputDir: `test-results/playwright-${PORT}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env['CI'] ? 2 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic'
      ]
    }
  },
  projects: [
    { name: 'e2e', testDir: 'test/e2e', use: { browserName: 'chromium' } },
    { name: 'electron', testDir: 'test/electron' }
  ],
  webServer: {
    command: `npx vite preview --outDir out/renderer --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000
  }
})
