// Why something failed, in the UI language: db/ names a storage problem by its key and values
// (StorageProblem), the planning math a refusal by its code (PlanningError), and this puts them in
// words; any other error says its own message.
import { isPlanningError } from '@shared/planning/errors'
import { registerStrings } from '../i18n'
import { asIs, msg, type Text } from '../i18n/text'
import type { StorageProblem } from '../db/storage-status'

registerStrings('storage', {
  en: {
    quota:
      'The disk is full or the storage quota is used up: nothing was saved. Free some space and try again.',
    newerVersion: 'The database was written by a newer version of Quartermaster. Update the app to open it.',
    blocked: 'Another Quartermaster window is upgrading the database. Close other windows and try again.',
    duplicate: 'A record with this id already exists: nothing was saved.',
    failed: 'Saving failed, nothing was changed: {{detail}}',
    redoPromotionStaleTitle: 'Cannot make “{{name}}” the baseline again',
    redoPromotionStale:
      '“{{name}}” was changed or removed after “Make baseline” was undone, so redo would no longer make the same baseline. Nothing was changed. To make it the baseline now, use “Make baseline…” in Scenarios.',
    undoPromotionStaleTitle: 'Cannot undo “Make baseline”',
    undoPromotionStale:
      'The baseline was changed after “{{name}}” was made the baseline: undo those changes first. Nothing was changed.',
    planGone: 'That plan no longer exists; it may have been deleted in another window. Nothing was changed.',
    entryGone: 'That history entry no longer exists.',
    deletedGone: 'That deleted plan is no longer kept.',
    nothingToUndo: 'Nothing to undo.',
    nothingToRedo: 'Nothing to redo.',
    undoConflict: 'This change was edited again in another window and cannot be undone.',
    redoConflict: 'The plan changed since this was undone; it cannot be redone.',
    alreadyUndone: 'This change is already undone.',
    revertTouched:
      'Later changes touched {{touched, number}} of the {{total, number}} items of this change; revert them first. Nothing was changed.',
    revertReferenced_one:
      'Later changes refer to {{count, number}} item this revert would remove; revert them first. Nothing was changed.',
    revertReferenced_other:
      'Later changes refer to {{count, number}} items this revert would remove; revert them first. Nothing was changed.',
    mergeClash:
      'The plan “{{name}}” in the backup shares entries with a plan in the app; use “Replace everything” instead. Nothing was restored.',
    nameEmpty: 'A scenario needs a name.',
    nameTooLong: 'A name may have at most {{max}} characters.',
    identityExists: 'A plan with the same identity exists again; it was not replaced.',
    notAScenario: 'Only a scenario can be made the baseline or have its changes applied to a base.'
  },
  de: {
    quota:
      'Der Datenträger ist voll oder das Speicherkontingent aufgebraucht: Nichts wurde gespeichert. Geben Sie Speicherplatz frei und versuchen Sie es erneut.',
    newerVersion:
      'Die Datenbank wurde von einer neueren Version von Quartermaster geschrieben. Aktualisieren Sie die App, um sie zu öffnen.',
    blocked:
      'Ein anderes Quartermaster-Fenster aktualisiert gerade die Datenbank. Schließen Sie die anderen Fenster und versuchen Sie es erneut.',
    duplicate: 'Ein Eintrag mit dieser Kennung existiert bereits: Nichts wurde gespeichert.',
    failed: 'Speichern fehlgeschlagen, nichts wurde geändert: {{detail}}',
    redoPromotionStaleTitle: '„{{name}}“ kann nicht wieder zur Basis werden',
    redoPromotionStale:
      '„{{name}}“ wurde geändert oder entfernt, nachdem „Zur Basis machen“ rückgängig gemacht wurde; Wiederholen ergäbe nicht mehr dieselbe Basis. Nichts wurde geändert. Um es jetzt zur Basis zu machen, nutzen Sie „Zur Basis machen“ unter Szenarien.',
    undoPromotionStaleTitle: '„Zur Basis machen“ kann nicht rückgängig gemacht werden',
    undoPromotionStale:
      'Die Basis wurde geändert, nachdem „{{name}}“ zur Basis wurde: Machen Sie zuerst diese Änderungen rückgängig. Nichts wurde geändert.',
    planGone:
      'Diesen Plan gibt es nicht mehr; er wurde vielleicht in einem anderen Fenster gelöscht. Nichts wurde geändert.',
    entryGone: 'Diesen Verlaufseintrag gibt es nicht mehr.',
    deletedGone: 'Dieser gelöschte Plan wird nicht mehr aufbewahrt.',
    nothingToUndo: 'Nichts rückgängig zu machen.',
    nothingToRedo: 'Nichts zu wiederholen.',
    undoConflict:
      'Diese Änderung wurde in einem anderen Fenster erneut bearbeitet und kann nicht rückgängig gemacht werden.',
    redoConflict:
      'Der Plan wurde seit dem Rückgängigmachen geändert; die Änderung kann nicht wiederholt werden.',
    alreadyUndone: 'Diese Änderung ist bereits rückgängig gemacht.',
    revertTouched:
      'Spätere Änderungen betreffen {{touched, number}} der {{total, number}} Einträge dieser Änderung; nehmen Sie diese zuerst zurück. Nichts wurde geändert.',
    revertReferenced_one:
      'Spätere Änderungen beziehen sich auf {{count, number}} Eintrag, den das Zurücknehmen entfernen würde; nehmen Sie diese zuerst zurück. Nichts wurde geändert.',
    revertReferenced_other:
      'Spätere Änderungen beziehen sich auf {{count, number}} Einträge, die das Zurücknehmen entfernen würde; nehmen Sie diese zuerst zurück. Nichts wurde geändert.',
    mergeClash:
      'Der Plan „{{name}}“ in der Sicherung teilt Einträge mit einem Plan in der App; wählen Sie stattdessen „Alles ersetzen“. Nichts wurde wiederhergestellt.',
    nameEmpty: 'Ein Szenario braucht einen Namen.',
    nameTooLong: 'Ein Name darf höchstens {{max}} Zeichen haben.',
    identityExists: 'Ein Plan mit derselben Kennung existiert wieder; er wurde nicht ersetzt.',
    notAScenario:
      'Nur ein Szenario kann zur Basis gemacht oder mit seinen Änderungen auf eine Basis übertragen werden.'
  }
})

// What the planning math refuses, by its code (PlanningError): its own message is for developers.
registerStrings('planning', {
  en: {
    'invalid-quarter': 'That quarter is not part of the plan.',
    'invalid-month': 'That month is not valid.',
    'not-found': 'The item no longer exists; it may have been changed in another window.',
    'invalid-amount': 'That amount is not possible here.',
    'currency-mismatch': 'Lines in different currencies cannot be merged.',
    'invalid-value': 'That value is not possible here.',
    conflict: 'The plan changed in the meantime; try again.'
  },
  de: {
    'invalid-quarter': 'Dieses Quartal gehört nicht zum Plan.',
    'invalid-month': 'Dieser Monat ist ungültig.',
    'not-found': 'Das Element existiert nicht mehr; es wurde vielleicht in einem anderen Fenster geändert.',
    'invalid-amount': 'Dieser Betrag ist hier nicht möglich.',
    'currency-mismatch': 'Positionen in verschiedenen Währungen lassen sich nicht zusammenführen.',
    'invalid-value': 'Dieser Wert ist hier nicht möglich.',
    conflict: 'Der Plan hat sich inzwischen geändert; bitte erneut versuchen.'
  }
})

/** Problems a step was refused for (not a failure to save): each has a title of its own. */
const REFUSALS: ReadonlySet<StorageProblem['key']> = new Set(['redoPromotionStale', 'undoPromotionStale'])

const problemOf = (err: unknown): StorageProblem | undefined =>
  (err as { problem?: StorageProblem } | null)?.problem

export const problemText = (problem: StorageProblem): Text => msg(`storage:${problem.key}`, problem.values)

/** What the error says, in the language shown when it is read. */
export function errorText(err: unknown): Text {
  const problem = problemOf(err)
  if (problem) return problemText(problem)
  if (isPlanningError(err)) return msg(`planning:${err.code}`)
  return asIs(err instanceof Error ? err.message : String(err))
}

/** The title of a notice about the error: the refusal's own, else the caller's general one. */
export function errorTitle(err: unknown, general: Text): Text {
  const problem = problemOf(err)
  return problem && REFUSALS.has(problem.key) ? msg(`storage:${problem.key}Title`, problem.values) : general
}
