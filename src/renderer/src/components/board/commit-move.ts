// The commit step both boards share: compute the move's changes (a planning error becomes a toast
// and nothing is stored), let the board move focus and announce the result, commit, and turn a
// failed write into a toast.
import type { ChangeKind, EntityChange } from '@shared/planning/types'
import { commitChanges, type Summary } from '../../db/commit'
import { msg } from '../../i18n/text'
import { toastError } from '../Toaster'
import { reportMoveError } from './report'
import './strings'

export type BoardEntry = { kind: ChangeKind; summary: Summary }

export async function commitBoardMove(
  planId: string,
  compute: () => EntityChange[],
  entry: (changes: EntityChange[]) => BoardEntry,
  /** Focus and the announcement, just before the commit (the view still shows the data before it). */
  before: (changes: EntityChange[], entry: BoardEntry) => void
): Promise<void> {
  let changes: EntityChange[]
  try {
    changes = compute()
  } catch (err) {
    reportMoveError(err)
    return
  }
  if (changes.length === 0) return
  const e = entry(changes)
  before(changes, e)
  try {
    await commitChanges(planId, e.kind, e.summary, changes)
  } catch (err) {
    toastError(msg('board:moveFailed'), err)
  }
}
