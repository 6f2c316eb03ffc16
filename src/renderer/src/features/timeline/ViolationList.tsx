// The list of dependency problems under the chart: one line per problem.
import { useTranslation } from 'react-i18next'
import type { DependencyViolation } from '@shared/planning/schedule'
import { formatMonth, formatQuarter } from '../../lib/format'
import './strings'

export function ViolationList({
  violations,
  name
}: {
  violations: DependencyViolation[]
  /** A workstream's key by id (its id when it is not in the plan). */
  name: (id: string) => string
}) {
  const { t } = useTranslation('timeline')
  const describe = (v: DependencyViolation) => {
    if (v.kind === 'schedule') {
      if (v.reason === 'missing-dependency')
        return { text: t('missing', { ws: name(v.workstreamId) }), detail: '' }
      return {
        text: t('startsBefore', { ws: name(v.workstreamId), dep: name(v.dependsOnId) }),
        detail: t('startsBeforeDetail', {
          start: formatMonth(v.startMonth),
          dep: name(v.dependsOnId),
          end: v.dependencyEndMonth ? formatMonth(v.dependencyEndMonth) : ''
        })
      }
    }
    return {
      text: t('workBefore', {
        ws: name(v.workstreamId),
        dep: name(v.dependsOnId),
        quarter: formatQuarter(v.quarter)
      }),
      detail: t('workBeforeDetail', { dep: name(v.dependsOnId), end: formatQuarter(v.dependencyEndQuarter) })
    }
  }
  // One line per problem: allocation problems of the same pair and quarter collapse.
  const problems = [...new Map(violations.map((v) => [JSON.stringify(describe(v)), describe(v)])).values()]

  return (
    <section
      className={`card violations ${problems.length ? 'has-problems' : ''}`}
      aria-label={t('violations')}
      data-testid="violations"
    >
      <h2>{t('violations')}</h2>
      {problems.length === 0 ? (
        <p className="ok-text">{t('noViolations')}</p>
      ) : (
        <ul>
          {problems.map((p) => (
            <li key={p.text + p.detail}>
              <span className="violation-dot" aria-hidden="true" />
              <strong>{p.text}</strong>
              {p.detail && <span className="muted"> ({p.detail})</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
