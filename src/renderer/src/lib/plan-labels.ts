// Labels the plan views share (phase names, impact levels, budget categories, metric states),
// in one 'plan' namespace, plus the history sentences of the in-place edits these views make.
import type { Phase, PlanData, Workstream } from '@shared/planning/types'
import { i18n, registerStrings } from '../i18n'

registerStrings('plan', {
  en: {
    phase: 'Phase {{n}}: {{name}}',
    phaseShort: 'Phase {{n}}',
    impact: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
    category: {
      tools: 'Tools',
      audit: 'Audit',
      infrastructure: 'Infrastructure',
      development: 'Development',
      consulting: 'Consulting'
    },
    status: { open: 'Open', met: 'Met', missed: 'Missed' },
    none: '—',
    saveFailed: 'Could not save the change'
  },
  de: {
    phase: 'Phase {{n}}: {{name}}',
    phaseShort: 'Phase {{n}}',
    impact: { low: 'Niedrig', medium: 'Mittel', high: 'Hoch', critical: 'Kritisch' },
    category: {
      tools: 'Werkzeuge',
      audit: 'Audit',
      infrastructure: 'Infrastruktur',
      development: 'Entwicklung',
      consulting: 'Beratung'
    },
    status: { open: 'Offen', met: 'Erreicht', missed: 'Verfehlt' },
    none: '—',
    saveFailed: 'Die Änderung konnte nicht gespeichert werden'
  }
})

// Summary keys of the edits made in the plan views (rendered by shell/describe-entry.ts).
registerStrings('history', {
  en: {
    history: {
      budgetAmount: 'Budget line “{{title}}” set to {{amount, currency}}',
      phaseCap: 'Budget cap of {{phase}} set to {{amount, number}} EUR',
      capacity: 'Capacity of {{role}} in {{quarter}} set to {{share, number}}%',
      allocationShare: 'Share of {{role}} on {{workstream}} in {{quarter}} set to {{share, number}}%',
      riskProbability: 'Probability of “{{title}}” set to {{pct, number}}%',
      riskImpact: 'Impact of “{{title}}” set to {{amount, number}} EUR',
      riskLevel: 'Impact level of “{{title}}” set to $t(plan:impact.{{level}})',
      schedule: 'Schedule of {{workstream}}: starts {{month, month}}, {{weeks}} weeks',
      deliverableDone: 'Deliverable “{{title}}” checked off',
      deliverableOpen: 'Deliverable “{{title}}” reopened',
      criterionDone: 'Criterion “{{text}}” of {{workstream}} done',
      criterionOpen: 'Criterion “{{text}}” of {{workstream}} reopened',
      metricStatus: 'Metric “{{text}}” set to $t(plan:status.{{status}})'
    }
  },
  de: {
    history: {
      budgetAmount: 'Budgetposten „{{title}}“ auf {{amount, currency}} gesetzt',
      phaseCap: 'Budgetobergrenze von {{phase}} auf {{amount, number}} EUR gesetzt',
      capacity: 'Kapazität von {{role}} in {{quarter}} auf {{share, number}} % gesetzt',
      allocationShare: 'Anteil von {{role}} an {{workstream}} in {{quarter}} auf {{share, number}} % gesetzt',
      riskProbability: 'Wahrscheinlichkeit von „{{title}}“ auf {{pct, number}} % gesetzt',
      riskImpact: 'Schadenshöhe von „{{title}}“ auf {{amount, number}} EUR gesetzt',
      riskLevel: 'Auswirkung von „{{title}}“ auf $t(plan:impact.{{level}}) gesetzt',
      schedule: 'Zeitplan von {{workstream}}: Beginn {{month, month}}, {{weeks}} Wochen',
      deliverableDone: 'Ergebnis „{{title}}“ abgehakt',
      deliverableOpen: 'Ergebnis „{{title}}“ wieder geöffnet',
      criterionDone: 'Kriterium „{{text}}“ von {{workstream}} erfüllt',
      criterionOpen: 'Kriterium „{{text}}“ von {{workstream}} wieder geöffnet',
      metricStatus: 'Kennzahl „{{text}}“ auf $t(plan:status.{{status}}) gesetzt'
    }
  }
})

export function phaseLabel(phase: Pick<Phase, 'order' | 'name'>): string {
  return i18n.t('phase', { ns: 'plan', n: phase.order, name: phase.name })
}

export function categoryLabel(category: string): string {
  return i18n.t(`category.${category}`, { ns: 'plan', defaultValue: category })
}

export function sortedPhases(data: PlanData): Phase[] {
  return [...data.phases].sort((a, b) => a.order - b.order)
}

export function sortedWorkstreams(data: PlanData): Workstream[] {
  const phaseOrder = new Map(data.phases.map((p) => [p.id, p.order]))
  return [...data.workstreams].sort(
    (a, b) => (phaseOrder.get(a.phaseId) ?? 0) - (phaseOrder.get(b.phaseId) ?? 0) || a.order - b.order
  )
}

/** Euros as a plain number for history values ("{{amount, number}}" formats it per language). */
export const euros = (cents: number) => cents / 100
