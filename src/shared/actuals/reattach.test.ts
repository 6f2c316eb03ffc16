import { describe, expect, it } from 'vitest'
import { applyChanges } from '../planning/changes'
import { removePhase, removeWorkstream } from '../planning/edit'
import type { Actual, CostCentreMapping, PlanData, QuarterKey } from '../planning/types'
import { smallPlan, testPhase } from '../../../test/support/testing'
import { reattachActuals } from './reattach'

const actual = (id: string, phaseId: string, workstreamId: string | null, quarter: QuarterKey): Actual => ({
  id,
  planId: 'p',
  phaseId,
  workstreamId,
  quarter,
  category: '',
  eurCents: 1_000,
  chfCents: 0,
  bookings: 1,
  source: { fileName: 'bookings.xlsx', fingerprint: 'f', importedAt: '2026-01-01T00:00:00Z' }
})
const centre = (id: string, phaseId: string, workstreamId: string | null): CostCentreMapping => ({
  id,
  planId: 'p',
  centre: id,
  label: id,
  phaseId,
  workstreamId
})

/** smallPlan (ph1: Q4 2025, workstreams a and b; ph2: Q1–Q2 2026, workstream c) with a third phase. */
function plan(): PlanData {
  const d = smallPlan()
  d.phases.push(testPhase('ph3', 3, '2026-Q3', '2026-Q3'))
  return d
}

const reattach = (
  d: PlanData,
  changes: ReturnType<typeof removePhase>,
  rows: Actual[],
  centres: CostCentreMapping[] = []
) => reattachActuals(applyChanges(d, changes), changes, rows, centres)

describe('actuals of a removed phase or workstream', () => {
  it('follow the removed phase’s work to the phase it moved to, keeping the workstream that moved with it', () => {
    const d = plan()
    const changes = removePhase(d, 'ph1', { moveTo: 'ph3' })
    const out = reattach(d, changes, [
      actual('x', 'ph1', 'a', '2025-Q4'),
      actual('y', 'ph1', null, '2025-Q4')
    ])
    expect(
      out.map((c) => [c.id, c.after && 'phaseId' in c.after ? [c.after.phaseId, c.after.workstreamId] : null])
    ).toEqual([
      ['x', ['ph3', 'a']],
      ['y', ['ph3', null]]
    ])
    // The quarter, amounts and bookings stay as they were.
    const x = out[0]!.after as Actual
    expect([x.quarter, x.eurCents, x.bookings]).toEqual(['2025-Q4', 1_000, 1])
  })

  it('with the phase’s work removed too, go to the phase holding their quarter, without the removed workstream', () => {
    const d = plan()
    const changes = removePhase(d, 'ph2')
    const out = reattach(d, changes, [actual('x', 'ph2', 'c', '2026-Q3'), actual('y', 'ph1', 'a', '2025-Q4')])
    expect(out).toHaveLength(1)
    expect(out[0]!.after).toMatchObject({ id: 'x', phaseId: 'ph3', workstreamId: null, quarter: '2026-Q3' })
  })

  it('stay as they are when no phase is left to hold them', () => {
    const d = plan()
    const changes = removePhase(d, 'ph2')
    expect(reattach(d, changes, [actual('x', 'ph2', null, '2026-Q1')])).toEqual([])
  })

  it('keep their phase and lose only a removed workstream', () => {
    const d = plan()
    const changes = removeWorkstream(d, 'a')
    const out = reattach(d, changes, [actual('x', 'ph1', 'a', '2025-Q4'), actual('y', 'ph1', 'b', '2025-Q4')])
    expect(out).toHaveLength(1)
    expect(out[0]!.after).toMatchObject({ id: 'x', phaseId: 'ph1', workstreamId: null })
  })

  it('cost-centre mappings follow the moved work, or are forgotten so the next import asks again', () => {
    const d = plan()
    const moved = removePhase(d, 'ph1', { moveTo: 'ph2' })
    expect(reattach(d, moved, [], [centre('4711', 'ph1', 'b')])[0]!.after).toMatchObject({
      phaseId: 'ph2',
      workstreamId: 'b'
    })
    const dropped = removePhase(d, 'ph1')
    const out = reattach(d, dropped, [], [centre('4711', 'ph1', null), centre('4712', 'ph2', null)])
    expect(out).toEqual([
      { table: 'costCentres', id: '4711', before: centre('4711', 'ph1', null), after: null }
    ])
  })

  it('changes that remove no phase or workstream leave actuals alone', () => {
    const d = plan()
    expect(reattach(d, [], [actual('x', 'ph1', 'a', '2025-Q4')])).toEqual([])
  })
})
