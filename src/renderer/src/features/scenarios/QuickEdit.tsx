// Small what-if edits on a scenario from inside the comparison: move a share of an allocation
// to another quarter, move a budget line, reschedule a workstream. Each is an ordinary,
// undoable commit built by the planning math (moves.ts).
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanData, QuarterKey } from '@shared/planning/types'
import { moveAllocation, moveBudgetLine, setWorkstreamSchedule } from '@shared/planning/moves'
import { moveKind } from '@shared/planning/board'
import { quarterLabel } from '@shared/planning/quarters'
import { parseSharePercent } from '@shared/planning/validate'
import { currentLanguage } from '../../i18n'
import { NumberHint } from '../../components/NumberHint'
import { QuarterSelect } from '../../components/QuarterSelect'
import { commitChanges } from '../../db/commit'
import { toastError } from '../../components/Toaster'
import { msg } from '../../i18n/text'
import { quickRescheduleSummary, quickShareSummary } from '../../lib/history-summaries'
import { formatMoney, formatMonth, formatQuarter, formatShare } from '../../lib/format'

export function QuickEdit({ data }: { data: PlanData }) {
  const { t } = useTranslation('scenarios')
  const planId = data.plan.id
  const roleName = useMemo(() => new Map(data.roles.map((r) => [r.id, r.name])), [data.roles])
  const roleOrder = useMemo(() => new Map(data.roles.map((r) => [r.id, r.order])), [data.roles])
  const wsKey = useMemo(() => new Map(data.workstreams.map((w) => [w.id, w.key])), [data.workstreams])
  const chips = useMemo(
    () =>
      [...data.allocations].sort(
        (x, y) =>
          (roleOrder.get(x.roleId) ?? 0) - (roleOrder.get(y.roleId) ?? 0) ||
          x.quarter.localeCompare(y.quarter) ||
          (wsKey.get(x.workstreamId) ?? '').localeCompare(wsKey.get(y.workstreamId) ?? '')
      ),
    [data.allocations, roleOrder, wsKey]
  )
  const lines = useMemo(
    () =>
      [...data.budgetLines].sort(
        (x, y) => x.quarter.localeCompare(y.quarter) || x.title.localeCompare(y.title)
      ),
    [data.budgetLines]
  )
  const chipLabel = (id: string) => {
    const a = data.allocations.find((x) => x.id === id)
    return a
      ? `${roleName.get(a.roleId) ?? '?'} · ${wsKey.get(a.workstreamId) ?? '?'} · ${formatQuarter(a.quarter)} · ${formatShare(a.shareBp)}`
      : ''
  }

  const [chipId, setChipId] = useState('')
  const [chipTo, setChipTo] = useState<QuarterKey | ''>('')
  const [share, setShare] = useState('')
  const [shareError, setShareError] = useState<string | null>(null)
  const [lineId, setLineId] = useState('')
  const [lineTo, setLineTo] = useState<QuarterKey | ''>('')
  const [wsId, setWsId] = useState('')
  const [start, setStart] = useState('')
  const [weeks, setWeeks] = useState('')
  const [weeksError, setWeeksError] = useState<string | null>(null)

  const chip = data.allocations.find((a) => a.id === chipId)
  // The share as it will move, read live so the button is only enabled for a share that can.
  const shareText = (bp: number) => `${bp / 100} %`
  const parsedShare = chip ? parseSharePercent(share || shareText(chip.shareBp), currentLanguage()) : null
  const shareRefusal =
    chip && parsedShare && (!parsedShare.ok || parsedShare.value <= 0 || parsedShare.value > chip.shareBp)
      ? t('view.invalidShare', { max: chip.shareBp / 100 })
      : null
  const line = data.budgetLines.find((l) => l.id === lineId)
  const ws = data.workstreams.find((w) => w.id === wsId)

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn()
    } catch (err) {
      toastError(msg('scenarios:toast.failed'), err)
    }
  }

  const moveShare = () =>
    run(async () => {
      if (!chip || !chipTo) return
      const parsed = parseSharePercent(share || shareText(chip.shareBp), currentLanguage())
      if (!parsed.ok || parsed.value <= 0 || parsed.value > chip.shareBp) {
        setShareError(t('view.invalidShare', { max: chip.shareBp / 100 }))
        return
      }
      const changes = moveAllocation(data, chip.id, { quarter: chipTo }, parsed.value)
      await commitChanges(
        planId,
        moveKind(changes, chip.id, parsed.value, chip.shareBp),
        quickShareSummary(data, chip, chipTo, parsed.value),
        changes
      )
      setChipId('')
      setShare('')
    })

  const moveLine = () =>
    run(async () => {
      if (!line || !lineTo) return
      await commitChanges(
        planId,
        'move',
        {
          key: 'history.quickMoveLine',
          values: { title: line.title, from: quarterLabel(line.quarter), to: quarterLabel(lineTo) }
        },
        moveBudgetLine(data, line.id, { quarter: lineTo })
      )
      setLineId('')
    })

  const reschedule = () =>
    run(async () => {
      if (!ws) return
      const w = Number(weeks || ws.durationWeeks)
      if (!Number.isInteger(w) || w < 1 || w > 104) {
        setWeeksError(t('view.invalidWeeks'))
        return
      }
      const month = start || ws.startMonth
      await commitChanges(
        planId,
        'edit',
        quickRescheduleSummary(ws, month, w),
        setWorkstreamSchedule(data, ws.id, month, w)
      )
    })

  return (
    <section className="compare-section" aria-label={t('view.quickTitle', { name: data.plan.name })}>
      <h2>{t('view.quickTitle', { name: data.plan.name })}</h2>
      <p className="muted-small">{t('view.quickText')}</p>
      <div className="quick-grid">
        <form
          className="card quick-form"
          aria-label={t('view.moveShare')}
          onSubmit={(e) => {
            e.preventDefault()
            void moveShare()
          }}
        >
          <h3>{t('view.moveShare')}</h3>
          <label>
            {t('view.chip')}
            <select
              aria-label={t('view.chip')}
              className="text"
              value={chipId}
              onChange={(e) => {
                setChipId(e.target.value)
                setShareError(null)
                const a = data.allocations.find((x) => x.id === e.target.value)
                setShare(a ? shareText(a.shareBp) : '')
              }}
            >
              <option value="">—</option>
              {chips.map((a) => (
                <option key={a.id} value={a.id}>
                  {chipLabel(a.id)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('view.toQuarter')}
            <QuarterSelect
              label={t('view.targetQuarter')}
              quarters={data.plan.quarters}
              value={chipTo}
              onChange={setChipTo}
            />
          </label>
          <label>
            {t('view.amount')}
            <input
              className="text"
              inputMode="decimal"
              value={share}
              aria-invalid={shareError ? 'true' : undefined}
              onChange={(e) => {
                setShare(e.target.value)
                setShareError(null)
              }}
            />
          </label>
          {(shareError ?? shareRefusal) && (
            <span className="field-error" role="alert">
              {shareError ?? shareRefusal}
            </span>
          )}
          {parsedShare && (
            <NumberHint
              result={parsedShare}
              format={(bp) => formatShare(bp)}
              onChoose={(bp) => setShare(shareText(bp))}
              quiet
            />
          )}
          <button
            className="btn"
            type="submit"
            disabled={!chip || !chipTo || shareRefusal !== null}
            title={shareRefusal ?? undefined}
          >
            {t('view.move')}
          </button>
        </form>

        <form
          className="card quick-form"
          aria-label={t('view.moveLine')}
          onSubmit={(e) => {
            e.preventDefault()
            void moveLine()
          }}
        >
          <h3>{t('view.moveLine')}</h3>
          <label>
            {t('view.line')}
            <select
              aria-label={t('view.line')}
              className="text"
              value={lineId}
              onChange={(e) => setLineId(e.target.value)}
            >
              <option value="">—</option>
              {lines.map((l) => (
                <option key={l.id} value={l.id}>
                  {`${l.title} · ${formatQuarter(l.quarter)} · ${formatMoney(l.amountCents, l.currency, { whole: true })}`}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('view.toQuarter')}
            <QuarterSelect
              label={t('view.targetQuarter')}
              quarters={data.plan.quarters}
              value={lineTo}
              onChange={setLineTo}
            />
          </label>
          <button className="btn" type="submit" disabled={!line || !lineTo}>
            {t('view.move')}
          </button>
        </form>

        <form
          className="card quick-form"
          aria-label={t('view.reschedule')}
          onSubmit={(e) => {
            e.preventDefault()
            void reschedule()
          }}
        >
          <h3>{t('view.reschedule')}</h3>
          <label>
            {t('view.workstream')}
            <select
              aria-label={t('view.workstream')}
              className="text"
              value={wsId}
              onChange={(e) => {
                setWsId(e.target.value)
                const w = data.workstreams.find((x) => x.id === e.target.value)
                setStart(w?.startMonth ?? '')
                setWeeks(w ? String(w.durationWeeks) : '')
                setWeeksError(null)
              }}
            >
              <option value="">—</option>
              {data.workstreams.map((w) => (
                <option key={w.id} value={w.id}>
                  {`${w.key} · ${formatMonth(w.startMonth)} · ${t('view.weeks', { count: w.durationWeeks })}`}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('view.startMonth')}
            <input className="text" type="month" value={start} onChange={(e) => setStart(e.target.value)} />
          </label>
          <label>
            {t('view.durationWeeks')}
            <input
              className="text"
              inputMode="numeric"
              value={weeks}
              aria-invalid={weeksError ? 'true' : undefined}
              onChange={(e) => {
                setWeeks(e.target.value)
                setWeeksError(null)
              }}
            />
          </label>
          {weeksError && (
            <span className="field-error" role="alert">
              {weeksError}
            </span>
          )}
          <button className="btn" type="submit" disabled={!ws}>
            {t('view.apply')}
          </button>
        </form>
      </div>
    </section>
  )
}
