// The plan's lasting change history (stored in Dexie, so it survives restarts): newest first,
// each entry with time, kind, sentence and expandable before → after details; undone entries
// greyed; any entry can be reverted, with a clear reason when later changes are in the way.
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EntityChange, HistoryEntry, PlanData } from '@shared/planning/types'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { useHistoryCount, useRecentHistory, type StoredHistoryEntry } from '../../db/history-store'
import { CommitError, revertEntry } from '../../db/commit'
import { usePlanData } from '../../db/plan-data'
import { allWithChanges, withChanges } from '../../db/history-store'
import { promotedSteps } from '../../db/scenarios'
import { toast } from '../../components/Toaster'
import { errorText } from '../../components/error-text'
import { msg, type Text } from '../../i18n/text'
import { describeEntry } from '../../shell/describe-entry'
import { formatDateTime, formatMoney, formatQuarter, formatShare } from '../../lib/format'
import { categoryLabel } from '../../lib/plan-labels'
import { i18n } from '../../i18n'
import { changeDetails, laterTouching, type ChangeDetail } from './change-details'
import './strings'
import './history.css'

const PAGE = 100
const MAX_DETAILS = 40

export function HistoryView({ planId }: ViewProps) {
  const { t } = useTranslation('historyView')
  const data = usePlanData(planId)
  const [limit, setLimit] = useState(PAGE)
  const entries = useRecentHistory(planId, limit)
  const total = useHistoryCount(planId)
  // Entries are numbered within the plan, #1 its first change (the stored seq counts across all
  // plans, so a promoted baseline's list began at #4); the list is the newest `limit` entries.
  const numberOf = useMemo(
    () => new Map((entries ?? []).map((e, i) => [e.seq!, total - i])),
    [entries, total]
  )

  const revert = async (entry: StoredHistoryEntry) => {
    try {
      await revertEntry(entry.seq!)
      toast({
        title: msg('historyView:reverted', { what: () => describeEntry(entry) }),
        description: msg('historyView:revertDone'),
        kind: 'success'
      })
    } catch (err) {
      let description: Text
      if (err instanceof CommitError && err.code === 'conflict' && entry.undone)
        description = msg('historyView:alreadyUndone')
      else if (err instanceof CommitError && err.code === 'conflict') {
        // Long change lists are stored apart (history-store.ts): loaded only to explain a refusal.
        // Refused because later work refers to what the revert would remove, or because later
        // changes touched the same items.
        const built = err.referents.length > 0
        const later = laterTouching(
          await allWithChanges(entries ?? []),
          entry.seq!,
          built ? err.referents : (await withChanges(entry)).changes
        )
        description = later.length
          ? msg(built ? 'historyView:revertReferenced' : 'historyView:revertConflict', {
              detail: () =>
                later.map((e) => `#${numberOf.get(e.seq!) ?? e.seq} ${describeEntry(e)}`).join('; ')
            })
          : msg('historyView:revertConflictUnknown')
      } else if (err instanceof CommitError && err.code === 'not-found') description = msg('historyView:gone')
      else description = errorText(err)
      toast({ title: msg('historyView:revertFailed'), description, kind: 'error' })
    }
  }

  return (
    <div className="history-view">
      <ViewHeader view="history" actions={<span className="muted">{t('count', { count: total })}</span>} />
      {entries === undefined ? null : entries.length === 0 ? (
        <p className="empty-state muted">{t('empty')}</p>
      ) : (
        <ol className="history-list" aria-label={t('count', { count: total })}>
          {entries.map((e) => (
            <HistoryItem
              key={e.seq}
              entry={e}
              number={numberOf.get(e.seq!) ?? e.seq!}
              data={data}
              onRevert={() => void revert(e)}
            />
          ))}
        </ol>
      )}
      {entries && total > entries.length && (
        <button className="btn" onClick={() => setLimit((l) => l + PAGE)}>
          {t('showMore', { count: Math.min(PAGE, total - entries.length) })}
        </button>
      )}
    </div>
  )
}

function HistoryItem({
  entry,
  number,
  data,
  onRevert
}: {
  entry: StoredHistoryEntry
  number: number
  data: PlanData | undefined
  onRevert: () => void
}) {
  const { t, i18n } = useTranslation('historyView')
  const th = i18n.getFixedT(null, 'history')
  const [open, setOpen] = useState(false)
  const what = describeEntry(entry)
  const detailsId = `history-details-${entry.seq}`
  return (
    <li
      className={`history-item ${entry.undone ? 'undone' : ''}`}
      data-testid="history-entry"
      data-kind={entry.kind}
      data-undone={entry.undone}
    >
      <div className="history-row">
        <span className="history-seq muted">#{number}</span>
        <time className="history-time muted" dateTime={entry.at}>
          {formatDateTime(entry.at)}
        </time>
        <span className={`badge kind-${entry.kind}`}>
          {th(`kind.${entry.kind}`, { defaultValue: entry.kind })}
        </span>
        <span className="history-what">{what}</span>
        {entry.undone && <span className="badge undone-badge">{t('undone')}</span>}
        <span className="history-actions">
          <button
            type="button"
            className="btn btn-small"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t('detailsLabel', { seq: number })}
            onClick={() => setOpen((o) => !o)}
          >
            {t('details')} {open ? '▴' : '▾'}
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={entry.undone}
            aria-label={t('revertLabel', { seq: number, what })}
            onClick={onRevert}
          >
            {t('revert')}
          </button>
        </span>
      </div>
      {entry.kind === 'promote' && !entry.undone && <PromotedSteps entry={entry} />}
      {open && <Details id={detailsId} entry={entry} data={data} />}
    </li>
  )
}

/** Under a promotion: the scenario's own steps, which its removal would otherwise hide. */
function PromotedSteps({ entry }: { entry: StoredHistoryEntry }) {
  const { t } = useTranslation('historyView')
  const [steps, setSteps] = useState<HistoryEntry[] | null>(null)
  useEffect(() => {
    let live = true
    void promotedSteps(entry.planId, entry.seq!).then((s) => live && setSteps(s))
    return () => {
      live = false
    }
  }, [entry])
  if (!steps?.length) return null
  return (
    <div className="history-promoted" data-testid="promoted-steps">
      <span className="muted small">{t('promotedSteps', { count: steps.length })}</span>
      <ol>
        {steps.map((s) => (
          <li key={s.seq}>{describeEntry(s)}</li>
        ))}
      </ol>
    </div>
  )
}

function Details({ id, entry, data }: { id: string; entry: StoredHistoryEntry; data: PlanData | undefined }) {
  const { t } = useTranslation('historyView')
  // An import's long change list is read from its parts only when its details are opened.
  const [loaded, setLoaded] = useState<EntityChange[] | null>(null)
  useEffect(() => {
    if (!entry.partCount) return
    let live = true
    void withChanges(entry).then((e) => live && setLoaded(e.changes))
    return () => {
      live = false
    }
  }, [entry])
  const changes = entry.partCount ? loaded : entry.changes
  const details = useMemo(() => (changes ? changeDetails(changes) : []), [changes])
  const names = useNames(data)
  const shown = details.slice(0, MAX_DETAILS)
  return (
    <div id={id} className="history-details">
      {shown.map((d, i) => (
        <div key={`${d.table}:${d.id}:${i}`} className="change">
          <div className="change-head">
            <strong>{t(`tables.${d.table}`, { defaultValue: d.table })}</strong> {entityName(d, names)}{' '}
            <span className={`change-action ${d.action}`}>{t(d.action)}</span>
          </div>
          {d.fields.length > 0 && (
            <table className="data change-table">
              <thead>
                <tr>
                  <th scope="col">{t('field')}</th>
                  <th scope="col">{t('before')}</th>
                  <th scope="col">{t('after')}</th>
                </tr>
              </thead>
              <tbody>
                {d.fields.map((f) => (
                  <tr key={f.field}>
                    <td>{t(`fields.${f.field}`, { defaultValue: f.field })}</td>
                    <td>{formatValue(f.field, f.before, d.entity, names)}</td>
                    <td>{formatValue(f.field, f.after, d.entity, names)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
      {details.length > shown.length && (
        <p className="muted">{t('more', { count: details.length - shown.length })}</p>
      )}
    </div>
  )
}

type Names = Map<string, string>

function useNames(data: PlanData | undefined): Names {
  return useMemo(() => {
    const m: Names = new Map()
    if (!data) return m
    for (const r of data.roles) m.set(r.id, r.name)
    for (const w of data.workstreams) m.set(w.id, w.title)
    for (const p of data.phases) m.set(p.id, p.name)
    return m
  }, [data])
}

function entityName(d: ChangeDetail, names: Names): string {
  const e = d.entity
  if (d.table === 'allocations') {
    return `${names.get(String(e['roleId'])) ?? e['roleId']} · ${names.get(String(e['workstreamId'])) ?? e['workstreamId']}`
  }
  if (d.table === 'actuals') {
    return `${names.get(String(e['phaseId'])) ?? e['phaseId']} · ${formatQuarter(String(e['quarter']))}`
  }
  for (const k of ['title', 'name', 'text', 'label']) if (typeof e[k] === 'string') return String(e[k])
  return d.id
}

const MONEY_FIELDS = new Set([
  'amountCents',
  'capCents',
  'totalBudgetCents',
  'impactCents',
  'costPerFteQuarterCents'
])
const SHARE_FIELDS = new Set(['shareBp', 'softCapBp'])
const REF_FIELDS = new Set(['roleId', 'workstreamId', 'phaseId'])

function formatValue(field: string, value: unknown, entity: Record<string, unknown>, names: Names): string {
  if (value === undefined) return '—'
  if (value === null) return '∅'
  if (MONEY_FIELDS.has(field) && typeof value === 'number') {
    const currency = entity['currency'] === 'CHF' ? 'CHF' : 'EUR'
    return formatMoney(value, currency)
  }
  if (SHARE_FIELDS.has(field) && typeof value === 'number') return formatShare(value)
  if (REF_FIELDS.has(field) && typeof value === 'string') return names.get(value) ?? value
  if (field === 'quarter' && typeof value === 'string') return formatQuarter(value)
  if (field === 'category' && typeof value === 'string') return categoryLabel(value)
  if (field === 'impactLevel' && typeof value === 'string')
    return i18n.t(`impact.${value}`, { ns: 'plan', defaultValue: value })
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 117)}…` : value
  const json = JSON.stringify(value)
  return json.length > 120 ? `${json.slice(0, 117)}…` : json
}
