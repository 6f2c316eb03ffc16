// Launches the built Electron app where an Electron binary is installed (not on this CI machine,
// whose network cannot download it). Skipped with the reason otherwise.
import { existsSync, readFileSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { test, expect, _electron as electron } from '@playwright/test'

function electronBinary(): string | null {
  const dir = join(process.cwd(), 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(bin) ? bin : null
}

const binary = electronBinary()

test('the built app starts on the built-in plan in a secure window', async () => {
  test.skip(
    !binary,
    'Electron binary is not installed here (its download needs the network); runs where it is.'
  )
  const userData = mkdtempSync(join(tmpdir(), 'qm-electron-'))
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(process.cwd(), 'out/main/index.js'), `--user-data-dir=${userData}`]
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByTestId('plan-name')).toContainText('FreshFoodz')
    // Sandboxed, isolated, no Node in the page: only the contract's API is there.
    const page = await window.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>)['require'],
      process: typeof (globalThis as Record<string, unknown>)['process'],
      api: Object.keys((globalThis as unknown as { api: object }).api).sort()
    }))
    expect(page).toEqual({ require: 'undefined', process: 'undefined', api: ['invoke', 'on', 'pathForFile'] })
    await window.screenshot({ path: join(process.cwd(), 'screenshots', 'electron-window.png') })
  } finally {
    await app.close()
  }
})
