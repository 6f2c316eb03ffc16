// Committing on the budget board: a drop or Alt+arrow move of (part of) a line, and a split in
// place; each with its history entry, focus on the line, its group opened, and the announcement
// of the phase's spending after it.
import { useCallback, type Dispatch, type RefObject, type SetStateAction } from 'react'
import type { TFunction } from 'i18next'
import { moveBudgetLine, splitBudgetLine } from '@shared/planning/moves'
import { needsWorkstreamChoice, workstreamsOfPhase } from '@shared/planning/problems'
import {
  budgetMoveKind,
  halfCents,
  moveLineChanges,
  phaseKey,
  resolveTarget,
  wsKey,
  type BudgetCellTarget
} from '@shared/planning/budget-board'
import type { BudgetLine, Cents, EntityChange, PlanData } from '@shared/planning/types'
import { phaseSpentAfter, type BudgetIndex } from '@shared/planning/budget-index'
import { i18n } from '../../i18n'
import { askAmount } from '../../components/board/AmountDialog'
import { askChoice } from '../../components/board/ChoiceDialog'
import { commitBoardMove, type BoardEntry } from '../../components/board/commit-move'
import { describeEntry } from '../../shell/describe-entry'
import { msg, type Text } from '../../i18n/text'
import { budgetMoveSummary, budgetSplitSummary } from '../../lib/history-summaries'

export function useBudgetMoves({
  planId,
  dataRef,
  indexRef,
  t,
  money,
  focusChip,
  setStatus,
  setExpanded
}: {
  planId: string
  /** The plan as the window holds it now (a move computes on it, not on the last render's). */
  dataRef: RefObject<PlanData>
  /** The board's line index as the window holds it now; a commit carries it along (it is spent after). */
  indexRef: RefObject<BudgetIndex>
  t: TFunction
  money: (c: Cents) => string
  focusChip: (id: string) => void
  setStatus: (text: Text) => void
  setExpanded: Dispatch<SetStateAction<Set<string>>>
}) {
  const openPathTo = useCallback(
    (phaseId: string, ws: string | null) => {
      setExpanded((prev) => {
        const keys = [phaseKey(phaseId), wsKey(phaseId, ws)]
        if (keys.every((k) => prev.has(k))) return prev
        const next = new Set(prev)
        keys.forEach((k) => next.add(k))
        return next
      })
    },
    [setExpanded]
  )

  // The figures after the change, from the index before it: called before the commit, which
  // carries the index along.
  const announce = useCallback(
    (entry: BoardEntry, phaseId: string, changes: readonly EntityChange[]) => {
      const phase = dataRef.current.phases.find((p) => p.id === phaseId)
      const spent = phaseSpentAfter(indexRef.current, changes, phaseId)
      const cap = phase?.capCents ?? 0
      setStatus(
        msg('budgetBoard:moved', {
          what: () => describeEntry(entry),
          phase: phase?.name ?? '',
          spent: () => money(spent),
          cap: () => money(cap)
        })
      )
    },
    [money, setStatus, dataRef, indexRef]
  )

  // A line moved onto another phase's row leaves its workstream behind: once the move is made (so
  // its figures show at once), a small dialog asks which of that phase's workstreams it joins.
  // Not modal: a next drag or a click elsewhere leaves the line without a workstream.
  const askWorkstream = useCallback(
    async (moved: BudgetLine) => {
      const d = dataRef.current
      const phase = d.phases.find((p) => p.id === moved.phaseId)
      const chosen = await askChoice({
        title: t('chooseWorkstream.title', { line: moved.title }),
        description: t('chooseWorkstream.text', { phase: phase?.name ?? '' }),
        options: [
          ...workstreamsOfPhase(d, moved.phaseId).map((w) => ({ value: w.id, label: w.title })),
          { value: '', label: t('noWorkstream') }
        ],
        modal: false,
        testId: 'choose-workstream'
      })
      if (!chosen) return
      const now = dataRef.current
      const current = indexRef.current.byId.get(moved.id) ?? moved
      await commitBoardMove(
        planId,
        () => moveBudgetLine({ ...now, budgetLines: [current] }, current.id, { workstreamId: chosen }),
        () => ({
          kind: 'move',
          summary: budgetMoveSummary(now, current, { workstreamId: chosen }, current.amountCents)
        }),
        (_changes, entry) => {
          setStatus(() => describeEntry(entry))
          openPathTo(current.phaseId, chosen)
        }
      )
    },
    [planId, t, openPathTo, setStatus, dataRef, indexRef]
  )

  const perform = useCallback(
    async (line: BudgetLine, cell: BudgetCellTarget, amount: Cents, focus: boolean) => {
      const d = dataRef.current
      const target = resolveTarget(d, line, cell)
      const ask = cell.workstreamId === undefined && needsWorkstreamChoice(d, line, cell.phaseId)
      let made: EntityChange[] = []
      await commitBoardMove(
        planId,
        () => moveLineChanges(d, indexRef.current, line, cell, amount),
        () => ({
          kind: budgetMoveKind(line, amount),
          summary: budgetMoveSummary(d, line, { ...target, category: cell.category }, amount)
        }),
        (changes, entry) => {
          made = changes
          if (focus) {
            focusChip(line.id)
            if (amount === line.amountCents) openPathTo(target.phaseId, target.workstreamId)
          }
          announce(entry, target.phaseId, changes)
        }
      )
      if (!ask) return
      // The line that arrived: the moved line itself, or the part split off into a new line.
      const arrived = made.find(
        (c) =>
          c.table === 'budgetLines' && c.after !== null && (c.after as BudgetLine).phaseId === target.phaseId
      )
      if (arrived?.after) void askWorkstream(arrived.after as BudgetLine)
    },
    [planId, openPathTo, announce, focusChip, askWorkstream, dataRef, indexRef]
  )

  const split = useCallback(
    async (line: BudgetLine) => {
      const amount = await askAmount({
        unit: 'money',
        currency: line.currency,
        max: line.amountCents - 1,
        total: line.amountCents,
        initial: halfCents(line.amountCents) || 1,
        title: t('splitTitle', { title: line.title }),
        description: t('splitDescription'),
        confirmLabel: i18n.t('board:splitOk')
      })
      if (amount === null) return
      const d = dataRef.current
      const current = d.budgetLines.find((l) => l.id === line.id)
      if (!current) return
      await commitBoardMove(
        planId,
        () => splitBudgetLine(d, current.id, amount),
        () => ({ kind: 'split', summary: budgetSplitSummary(d, current, amount) }),
        (changes, entry) => announce(entry, current.phaseId, changes)
      )
    },
    [planId, t, announce, dataRef]
  )

  return { perform, split }
}
