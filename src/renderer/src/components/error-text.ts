// Why something failed, in the UI language: db/ names a storage problem by its key and values
// (StorageProblem), and this puts it in words; any other error says its own message.
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
      'The baseline was changed after “{{name}}” was made the baseline: undo those changes first. Nothing was changed.'
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
      'Die Basis wurde geändert, nachdem „{{name}}“ zur Basis wurde: Machen Sie zuerst diese Änderungen rückgängig. Nichts wurde geändert.'
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
  return asIs(err instanceof Error ? err.message : String(err))
}

/** The title of a notice about the error: the refusal's own, else the caller's general one. */
export function errorTitle(err: unknown, general: Text): Text {
  const problem = problemOf(err)
  return problem && REFUSALS.has(problem.key) ? msg(`storage:${problem.key}Title`, problem.values) : general
}
