import { test, expect } from './fixtures'

test('the capacity board shows the FreshFoodz roles by quarter', async ({ app }) => {
  await app.goto('capacity-board')
  await expect(app.page.getByRole('group', { name: /^DevOps Lead, Q4 2025/ })).toBeVisible()
  await app.shot('capacity-board')
})
