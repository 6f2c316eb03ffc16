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
