// Promoting a scenario onto its base: all of it (make baseline) or chosen history entries,
// which apply together or not at all; when they no longer fit the base, each reason is listed.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HistoryEntry, PlanData } from '@shared/planning/types'
import { applyEntriesToBase, usePlanHistory } from '../../db/scenarios'
import { confirm } from '../../components/ConfirmDialog'
import { toast, toastError } from '../../components/Toaster'
import { msg } from '../../i18n/text'
import { describeEntry } from '../../shell/describe-entry'
import { formatDateTime } from '../../lib/format'
import { promoteFlow } from './actions'
import { entityIndex, problemText } from './labels'

export function PromotePanel({ scenario, base }: { scenario: PlanData; base: PlanData }) {
  const { t } = useTranslation('scenarios')
  const history = usePlanHistory(scenario.plan.id)
  const [chosen, setChosen] = useState<Set<number>>(new Set())
  const [problems, setProblems] = useState<string[] | null>(null)
  const [busy, setBusy] = useState(false)
  const entries: HistoryEntry[] = (history ?? []).filter((h) => !h.undone)

  const toggle = (seq: number) => {
    setProblems(null)
    setChosen((prev) => {
      const next = new Set(prev)
      if (next.has(seq)) next.delete(seq)
      else next.add(seq)
      return next
    })
  }

  const apply = async () => {
    const seqs = entries.filter((h) => chosen.has(h.seq!)).map((h) => h.seq!)
    if (seqs.length === 0) return
    const ok = await confirm({
      title: t('confirm.applyTitle', { count: seqs.length, base: base.plan.name }),
      message: t('confirm.applyText'),
      confirmLabel: t('confirm.apply')
    })
    if (!ok) return
    setBusy(true)
    try {
      const r = await applyEntriesToBase(scenario.plan.id, seqs)
      if (r.ok) {
        setChosen(new Set())
        setProblems(null)
        toast(
          r.seq === undefined
            ? { title: msg('scenarios:toast.nothingToApply'), kind: 'info' }
            : {
                title: msg('scenarios:toast.applied', { count: r.applied.length, base: base.plan.name }),
                kind: 'success'
              }
        )
      } else {
        const index = entityIndex(r.scenario, r.history, r.base)
        setProblems(r.problems.map((p) => problemText(t, p, r.history, index)))
      }
    } catch (err) {
      toastError(msg('scenarios:toast.failed'), err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="compare-section" aria-label={t('view.promoteTitle')}>
      <h2>{t('view.promoteTitle')}</h2>
      <div className="card stack">
        <p className="muted-small" style={{ margin: 0 }}>
          {t('view.promoteText', { name: scenario.plan.name, base: base.plan.name })}
        </p>
        <div>
          <button className="btn btn-primary" onClick={() => void promoteFlow(scenario.plan)}>
            {t('view.promoteAll')}
          </button>
        </div>
        <h3>{t('view.historyTitle', { name: scenario.plan.name })}</h3>
        {entries.length === 0 ? (
          <p className="muted-small">{t('view.historyEmpty')}</p>
        ) : (
          <>
            <ul className="entry-list">
              {entries.map((h) => {
                const what = describeEntry(h)
                return (
                  <li key={h.seq}>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.has(h.seq!)}
                        onChange={() => toggle(h.seq!)}
                        aria-label={t('view.chooseEntry', { what })}
                      />
                      <span>{what}</span>
                      <span className="muted-small">{formatDateTime(h.at)}</span>
                    </label>
                  </li>
                )
              })}
            </ul>
            {problems && (
              <div role="alert">
                <strong className="field-error">{t('view.problemsTitle')}</strong>
                <p className="muted-small">{t('view.problemsText')}</p>
                <ul className="problem-list">
                  {problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              </div>
            )}
            <div>
              <button className="btn" disabled={busy || chosen.size === 0} onClick={() => void apply()}>
                {t('view.applyChosen')}
              </button>
            </div>
          </>
        )}
      </div>
    </section>
  )
}
