// The wizard's third kind: a bookings export read as actual costs. The parse worker adds the
// bookings up against the plan; here the user checks the columns, places each cost centre once
// (suggested from its name, remembered per plan) and sees what is kept out and why. Importing
// asks replace or add for quarters that hold actuals, backs up, and commits one undoable entry.
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { actualsTarget } from '@shared/actuals/target'
import { centreMapping } from '@shared/actuals/merge'
import {
  BOOKING_FIELDS,
  type BookingMapping,
  type BookingsRead,
  type CostCentreMapping
} from '@shared/actuals/types'
import { columnLetter } from '@shared/import/header'
import { bookingAmountColumns } from '@shared/actuals/mapping'
import { amountScaleFor } from '@shared/import/wide'
import { invoke } from '../../lib/ipc'
import { formatMoney, formatQuarter } from '../../lib/format'
import { usePlanData } from '../../db/plan-data'
import { actualsOverlap, commitActualsImport, useActualsOwner, useCostCentres } from '../../db/actuals'
import { autoBackup } from '../../db/backup'
import { choose } from '../../components/ConfirmDialog'
import { toast, toastError } from '../../components/Toaster'
import { msg } from '../../i18n/text'
import { AmountScaleField, ScaleNote } from './AmountScaleField'
import './strings'

type Placement = { phaseId: string; workstreamId: string | null }

/**
 * Other amount, debit or credit columns take the unit the sheet names for them (before, the first
 * columns' unit stayed applied); a unit the user chose in "Amounts written" stays.
 */
function withUnitOf(read: BookingsRead, next: BookingMapping, byHand: boolean): BookingMapping {
  const amounts = (m: BookingMapping) => bookingAmountColumns(m.columns).join()
  if (byHand || amounts(next) === amounts(read.mapping)) return next
  const found = amountScaleFor(read.headers, bookingAmountColumns(next.columns), read.tableScale)
  const { amountScale: _old, ...rest } = next
  return found ? { ...rest, amountScale: found.scale } : rest
}
const key = (p: Placement | null) => (p ? `${p.phaseId}|${p.workstreamId ?? ''}` : '')

export function ActualsStep(props: {
  sessionId: string
  sheet: number
  headerRow: number
  fileName: string
  planId: string
  onBack: () => void
  onDone: () => void
  onClose: () => void
}) {
  const { t } = useTranslation('actuals')
  const owner = useActualsOwner(props.planId)
  const data = usePlanData(owner)
  const table = useCostCentres(owner)
  const [mapping, setMapping] = useState<BookingMapping | undefined>(undefined)
  const [chosen, setChosen] = useState<Map<string, Placement>>(new Map())
  const [read, setRead] = useState<BookingsRead | null>(null)
  /** The unit chosen in "Amounts written": other amount columns do not detect it again. */
  const [scaleByHand, setScaleByHand] = useState(false)
  const [busy, setBusy] = useState(false)

  // The plan's table with this import's choices on top: what the worker places centres by.
  const centres = useMemo(() => {
    if (!owner || !table) return undefined
    const m = new Map<string, CostCentreMapping>(table.map((c) => [c.centre, c]))
    for (const [centre, at] of chosen)
      m.set(centre, centreMapping(owner, centre, m.get(centre)?.label ?? centre, at))
    return [...m.values()]
  }, [owner, table, chosen])

  useEffect(() => {
    if (!data || !centres) return
    let stale = false
    setBusy(true)
    invoke('import:read-bookings', {
      sessionId: props.sessionId,
      sheet: props.sheet,
      headerRow: props.headerRow,
      mapping,
      target: actualsTarget(data, centres)
    })
      .then((r) => {
        if (!stale) setRead(r)
      })
      .catch((err: unknown) => {
        if (!stale) toastError(msg('actuals:failed'), err)
      })
      .finally(() => {
        if (!stale) setBusy(false)
      })
    return () => {
      stale = true
    }
  }, [data, centres, mapping, props.sessionId, props.sheet, props.headerRow, t])

  const places = useMemo(() => {
    if (!data) return []
    const out: { value: string; label: string }[] = []
    for (const p of data.phases) {
      out.push({
        value: key({ phaseId: p.id, workstreamId: null }),
        label: t('phaseOption', { order: p.order, name: p.name })
      })
      for (const w of data.workstreams.filter((x) => x.phaseId === p.id))
        out.push({ value: key({ phaseId: p.id, workstreamId: w.id }), label: `\u00a0\u00a0${w.title}` })
    }
    return out
  }, [data, t])

  if (!read || !data) return <p role="status">{t('reading')}</p>
  const r = read.result
  const m = read.mapping
  const unplaced = r.centres.filter((c) => !c.mapped && !c.suggested)

  const commit = async () => {
    if (!owner) return
    try {
      setBusy(true)
      const overlap = await actualsOverlap(owner, r.quarters)
      let mode: 'replace' | 'add' = 'replace'
      if (overlap.length) {
        const answer = await choose({
          title: t('overlapTitle'),
          message: t('overlapText', { quarters: overlap.map(formatQuarter).join(', ') }),
          confirmLabel: t('replace'),
          choices: [{ label: t('add'), value: 'add' }]
        })
        // Cancel: nothing is stored.
        if (answer === null) return
        mode = answer === 'add' ? 'add' : 'replace'
      }
      // A safety copy of everything first; if it cannot be written, nothing is imported.
      await autoBackup('import')
      const remember = r.centres
        .map((c) => {
          const at = c.mapped ?? c.suggested
          return at ? centreMapping(owner, c.centre, c.label, at) : null
        })
        .filter((c): c is CostCentreMapping => c !== null)
      await commitActualsImport({
        planId: owner,
        sums: r.sums,
        source: {
          fileName: read.fileName,
          fingerprint: read.fingerprint,
          importedAt: new Date().toISOString()
        },
        mode,
        centres: remember,
        bookings: r.counts.placed
      })
      toast({ title: msg('actuals:done', { count: r.counts.placed, file: read.fileName }), kind: 'success' })
      props.onDone()
    } catch (err) {
      toastError(msg('actuals:failed'), err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="import-actuals" data-testid="import-actuals">
      <div className="import-actuals-body">
        <p role="status" data-testid="actuals-counts">
          {t('counts', {
            placed: t('countPlaced', {
              count: r.counts.placed,
              sum: formatMoney(r.placedCents),
              quarters: r.quarters.map(formatQuarter).join(', ') || '–'
            }),
            bad: t('countBad', { count: r.counts.bad }),
            totals: t('countTotals', { count: r.counts.totals })
          })}
        </p>
        <div className="import-options">
          <AmountScaleField
            value={m.amountScale ?? 1}
            onChange={(v) => {
              const { amountScale: _old, ...rest } = m
              setScaleByHand(true)
              setMapping(v === 1 ? rest : { ...rest, amountScale: v })
            }}
          />
        </div>
        <ScaleNote
          applied={r.amountScale ?? 1}
          found={read.scale}
          example={r.example && `${r.example.source} → ${formatMoney(r.example.cents, r.example.currency)}`}
          currency={m.defaultCurrency}
        />
        <details className="import-actuals-columns">
          <summary>{t('columns')}</summary>
          <div className="import-actuals-fields">
            {BOOKING_FIELDS.map((f) => (
              <label key={f}>
                <span>{t(`field.${f}`)}</span>
                <select
                  className="text"
                  aria-label={t(`field.${f}`)}
                  value={m.columns[f] ?? ''}
                  onChange={(e) => {
                    const columns = { ...m.columns }
                    if (e.target.value === '') delete columns[f]
                    else columns[f] = Number(e.target.value)
                    setMapping(withUnitOf(read, { ...m, columns }, scaleByHand))
                  }}
                >
                  <option value="">{t('noColumn')}</option>
                  {read.headers.map((h, i) => (
                    <option key={i} value={i}>
                      {columnLetter(i)}: {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </details>

        {r.centres.length > 0 && (
          <>
            <h3>{t('centres')}</h3>
            {unplaced.length > 0 && (
              <p className="field-error">{t('unknownCentres', { count: unplaced.length })}</p>
            )}
            <table className="import-actuals-centres">
              <thead>
                <tr>
                  <th>{t('centre')}</th>
                  <th className="num">{t('bookings')}</th>
                  <th className="num">{t('sum')}</th>
                  <th>{t('placeOn')}</th>
                </tr>
              </thead>
              <tbody>
                {r.centres.map((c) => {
                  const at = c.mapped ?? c.suggested
                  return (
                    <tr key={c.centre} className={at ? '' : 'unplaced'}>
                      <td>{c.label}</td>
                      <td className="num">{c.bookings}</td>
                      <td className="num">{formatMoney(c.baseCents)}</td>
                      <td>
                        <div className="place">
                          <select
                            aria-label={`${t('placeOn')}: ${c.label}`}
                            value={key(at)}
                            onChange={(e) => {
                              const [phaseId, ws] = e.target.value.split('|')
                              if (!phaseId) return
                              setChosen(new Map(chosen).set(c.centre, { phaseId, workstreamId: ws || null }))
                            }}
                          >
                            {!at && <option value="">{t('choose')}</option>}
                            {places.map((p) => (
                              <option key={p.value} value={p.value}>
                                {p.label}
                              </option>
                            ))}
                          </select>
                          <span className="muted small">
                            {c.mapped ? t('remembered') : c.suggested ? t('suggested') : ''}
                          </span>
                        </div>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </>
        )}

        {r.outside.length > 0 && (
          <>
            <h3>{t('outside')}</h3>
            <ul data-testid="actuals-outside">
              {r.outside.map((o) => (
                <li key={o.quarter}>
                  {t('outsideRow', {
                    quarter: formatQuarter(o.quarter),
                    count: o.bookings,
                    sum: formatMoney(o.baseCents)
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        {r.issues.length > 0 && (
          <>
            <h3>{t('problems')}</h3>
            <ul className="small" data-testid="actuals-problems">
              {r.issues.slice(0, 20).map((i) => (
                <li key={`${i.row}-${i.field}`}>
                  {t('problemRow', { row: i.row, column: i.column || '–', message: t(`issue.${i.code}`) })}
                  {i.value ? ` ("${i.value}")` : ''}
                </li>
              ))}
              {r.counts.bad > 20 && <li>{t('moreProblems', { count: r.counts.bad - 20 })}</li>}
            </ul>
          </>
        )}
      </div>
      <div className="dialog-actions">
        <span className="spacer" />
        <button className="btn" onClick={props.onBack}>
          {t('back')}
        </button>
        <button className="btn" onClick={props.onClose}>
          {t('close')}
        </button>
        <button
          className="btn btn-primary"
          disabled={busy || r.counts.placed === 0}
          onClick={() => void commit()}
        >
          {t('commit', { count: r.counts.placed })}
        </button>
      </div>
    </div>
  )
}
