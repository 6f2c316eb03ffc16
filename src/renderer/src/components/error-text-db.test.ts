import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { smallPlan } from '../../../../test/support/testing'
import { setBudgetAmount } from '@shared/planning/moves'
import { addAllocationChecked, addRole } from '@shared/planning/edit'
import { i18n } from '../i18n'
import { translate } from '../i18n/text'
import { db } from '../db/db'
import { commitChanges, revertEntry, undo } from '../db/commit'
import { createPlanFromData } from '../db/plans'
import { loadPlanData } from '../db/plan-data'
import { collectBackup, restoreMerge } from '../db/backup'
import { branchScenario } from '../db/scenarios'
import { commitEdit } from './InlineEdit'
import { errorText } from './error-text'

async function wipe() {
  await Promise.all(db.tables.map((t) => t.clear()))
}

beforeEach(async () => {
  await wipe()
  await createPlanFromData(smallPlan())
})
afterEach(async () => {
  await wipe()
  await i18n.changeLanguage('en')
})

/** What the window shows for the refusal, in English and then in German. */
async function said(attempt: Promise<unknown>): Promise<{ en: string; de: string }> {
  const err: unknown = await attempt.then(
    () => new Error('not refused'),
    (e: unknown) => e
  )
  await i18n.changeLanguage('en')
  const en = translate(errorText(err))
  await i18n.changeLanguage('de')
  const de = translate(errorText(err))
  await i18n.changeLanguage('en')
  return { en, de }
}

const edit = { key: 'history.budgetAmount', values: {} }

describe('refusals of the database in the language shown', () => {
  it('an edit of a plan deleted meanwhile', async () => {
    expect(await said(commitEdit('gone', edit, (d) => setBudgetAmount(d, 'l1', 1)))).toEqual({
      en: 'That plan no longer exists; it may have been deleted in another window. Nothing was changed.',
      de: 'Diesen Plan gibt es nicht mehr; er wurde vielleicht in einem anderen Fenster gelöscht. Nichts wurde geändert.'
    })
  })

  it('an in-place edit the planning math refuses, by its code', async () => {
    expect(await said(commitEdit('p', edit, (d) => setBudgetAmount(d, 'l1', -1)))).toEqual({
      en: 'That amount is not possible here.',
      de: 'Dieser Betrag ist hier nicht möglich.'
    })
  })

  it('an undo of a change edited again elsewhere', async () => {
    await commitChanges('p', 'edit', edit, setBudgetAmount(smallPlan(), 'l1', 100))
    const later = await commitChanges(
      'p',
      'edit',
      edit,
      setBudgetAmount((await loadPlanData('p'))!, 'l1', 200)
    )
    // Another window's entry that this window does not know of: the row no longer matches.
    await db.history.delete(later!)
    expect(await said(undo('p'))).toEqual({
      en: 'This change was edited again in another window and cannot be undone.',
      de: 'Diese Änderung wurde in einem anderen Fenster erneut bearbeitet und kann nicht rückgängig gemacht werden.'
    })
  })

  it('a revert of a change later changes touched', async () => {
    const first = await commitChanges('p', 'edit', edit, setBudgetAmount(smallPlan(), 'l3', 5))
    await commitChanges('p', 'edit', edit, setBudgetAmount((await loadPlanData('p'))!, 'l3', 6))
    expect(await said(revertEntry(first!))).toEqual({
      en: 'Later changes touched 1 of the 1 items of this change; revert them first. Nothing was changed.',
      de: 'Spätere Änderungen betreffen 1 der 1 Einträge dieser Änderung; nehmen Sie diese zuerst zurück. Nichts wurde geändert.'
    })
  })

  it('a revert of an added role later work was given', async () => {
    const added = await commitChanges(
      'p',
      'create',
      edit,
      addRole(smallPlan(), { name: 'Data Engineer' }, { newId: () => 'r9' })
    )
    const work = { roleId: 'r9', workstreamId: 'c', quarter: '2026-Q1', shareBp: 5_000 } as const
    await commitChanges(
      'p',
      'create',
      edit,
      addAllocationChecked((await loadPlanData('p'))!, work, { newId: () => 'x9' })
    )
    expect(await said(revertEntry(added!))).toEqual({
      en: 'Later changes refer to 1 item this revert would remove; revert them first. Nothing was changed.',
      de: 'Spätere Änderungen beziehen sich auf 1 Eintrag, den das Zurücknehmen entfernen würde; nehmen Sie diese zuerst zurück. Nichts wurde geändert.'
    })
  })

  it('a merge restore of a plan whose rows clash with the app’s', async () => {
    const backup = await collectBackup()
    const clash = {
      ...backup,
      plans: [{ ...backup.plans[0]!, plan: { ...backup.plans[0]!.plan, id: 'p2' } }]
    }
    const name = backup.plans[0]!.plan.name
    expect(await said(restoreMerge(clash))).toEqual({
      en: `The plan “${name}” in the backup shares entries with a plan in the app; use “Replace everything” instead. Nothing was restored.`,
      de: `Der Plan „${name}“ in der Sicherung teilt Einträge mit einem Plan in der App; wählen Sie stattdessen „Alles ersetzen“. Nichts wurde wiederhergestellt.`
    })
  })

  it('a scenario without a name', async () => {
    expect(await said(branchScenario('p', '  '))).toEqual({
      en: 'A scenario needs a name.',
      de: 'Ein Szenario braucht einen Namen.'
    })
  })

  it('a scenario of a plan deleted meanwhile', async () => {
    expect((await said(branchScenario('gone', 'What if'))).de).toBe(
      'Diesen Plan gibt es nicht mehr; er wurde vielleicht in einem anderen Fenster gelöscht. Nichts wurde geändert.'
    )
  })
})
