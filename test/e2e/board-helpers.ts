// Drag helpers for the board specs: dnd-kit listens to pointer events, so a drag is a real
// mouse press, a move in small steps (past the 4 px activation distance) and a release.
import type { Locator, Page } from '@playwright/test'

export async function dragTo(
  page: Page,
  source: Locator,
  target: Locator,
  options: { shift?: boolean; steps?: number } = {}
): Promise<void> {
  await source.scrollIntoViewIfNeeded()
  const from = await source.boundingBox()
  if (!from) throw new Error('drag source is not visible')
  const x0 = from.x + from.width / 2
  const y0 = from.y + from.height / 2
  await page.mouse.move(x0, y0)
  await page.mouse.down()
  await page.mouse.move(x0 + 6, y0 + 2, { steps: 3 })
  const to = await target.boundingBox()
  if (!to) throw new Error('drop target is not visible')
  const x1 = to.x + to.width / 2
  const y1 = to.y + Math.min(to.height / 2, 30)
  await page.mouse.move(x1, y1, { steps: options.steps ?? 12 })
  if (options.shift) await page.keyboard.down('Shift')
  await page.mouse.move(x1 + 1, y1 + 1, { steps: 2 })
  await page.mouse.up()
  if (options.shift) await page.keyboard.up('Shift')
}

/**
 * Space then ArrowRight as a fast typist presses them while picking a chip up keeps the window
 * busy: each Space holds the page for 150 ms after the board has handled it, and both keys are
 * sent together (keyboard.press sends a key only once the page has handled the one before), so
 * the ArrowRight arrives while the page is still busy, as a key typed during a long task does.
 */
export async function pickUpAndStepRightAtOnce(page: Page): Promise<void> {
  await page.evaluate(() =>
    window.addEventListener('keydown', (e) => {
      if (e.code !== 'Space') return
      const until = performance.now() + 150
      while (performance.now() < until);
    })
  )
  const cdp = await page.context().newCDPSession(page)
  const key = (type: 'keyDown' | 'keyUp', code: string, name: string, keyCode: number) =>
    cdp.send('Input.dispatchKeyEvent', { type, code, key: name, windowsVirtualKeyCode: keyCode })
  await Promise.all([
    key('keyDown', 'Space', ' ', 32),
    key('keyUp', 'Space', ' ', 32),
    key('keyDown', 'ArrowRight', 'ArrowRight', 39),
    key('keyUp', 'ArrowRight', 'ArrowRight', 39)
  ])
  await cdp.detach()
}
