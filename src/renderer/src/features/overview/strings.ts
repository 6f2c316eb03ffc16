// The overview view's strings.
import { registerStrings } from '../../i18n'

registerStrings('overview', {
  en: {
    assumptions: {
      title: 'Assumptions',
      hint: 'Figures the roadmap does not give, so the plan had to estimate them. Edit them here or where they are used; confirm one once the real figure is known.',
      none: 'No assumptions left: every figure in this plan is confirmed.',
      rate: 'CHF → EUR rate',
      rateUse: 'counts CHF budget lines in EUR',
      rateLabel: 'CHF to EUR rate',
      split: '{{role}}, {{quarter}}',
      splitUse: 'one roadmap share split evenly over its workstreams',
      risk: 'Cost of “{{title}}”',
      riskUse: 'if it happens; drives the contingency',
      riskLabel: 'Cost of “{{title}}” if it happens',
      confirm: 'Confirm',
      confirmLabel: 'Confirm {{what}}',
      failed: 'The change could not be saved'
    }
  },
  de: {
    assumptions: {
      title: 'Annahmen',
      hint: 'Zahlen, die die Roadmap nicht nennt und die der Plan deshalb schätzen musste. Hier oder dort ändern, wo sie gelten; bestätigen, sobald die echte Zahl bekannt ist.',
      none: 'Keine Annahmen mehr: jede Zahl dieses Plans ist bestätigt.',
      rate: 'Kurs CHF → EUR',
      rateUse: 'rechnet CHF-Budgetposten in EUR um',
      rateLabel: 'Kurs CHF zu EUR',
      split: '{{role}}, {{quarter}}',
      splitUse: 'ein Anteil der Roadmap, gleich auf die Arbeitspakete verteilt',
      risk: 'Kosten von „{{title}}“',
      riskUse: 'falls es eintritt; bestimmt die Risikoreserve',
      riskLabel: 'Kosten von „{{title}}“, falls es eintritt',
      confirm: 'Bestätigen',
      confirmLabel: '{{what}} bestätigen',
      failed: 'Die Änderung konnte nicht gespeichert werden'
    }
  }
})

registerStrings('history', {
  en: {
    history: {
      chfRate: 'CHF rate set to {{rate, number(maximumFractionDigits: 6)}} EUR',
      confirmRate: 'CHF rate {{rate, number(maximumFractionDigits: 6)}} confirmed',
      confirmSplit: 'Split of {{role}} in {{quarter}} confirmed',
      confirmRiskCost: 'Cost of “{{title}}” confirmed'
    }
  },
  de: {
    history: {
      chfRate: 'CHF-Kurs auf {{rate, number(maximumFractionDigits: 6)}} EUR gesetzt',
      confirmRate: 'CHF-Kurs {{rate, number(maximumFractionDigits: 6)}} bestätigt',
      confirmSplit: 'Aufteilung von {{role}} in {{quarter}} bestätigt',
      confirmRiskCost: 'Kosten von „{{title}}“ bestätigt'
    }
  }
})

registerStrings('overview', {
  en: {
    spent: 'Spent',
    spentDetail: '{{remaining}} of the plan left',
    forecast: 'Forecast at completion',
    forecastDetail: 'at the current rate {{amount}}',
    mission: 'Mission',
    drivers: 'Business drivers',
    figures: 'Headline figures',
    totalBudget: 'Total budget',
    plannedOf: '{{planned}} planned',
    people: 'People',
    roles: 'roles in the plan',
    fteQuarters: 'FTE-quarters',
    allocated: 'allocated across {{n}} quarters',
    over: 'Over-allocations',
    overNone: 'nobody above capacity',
    overSome: 'role-quarters above capacity',
    risks: 'Risks',
    expected: '{{amount}} expected cost',
    deliverables: 'Deliverables done',
    deliverablesOf: 'of {{total, number}}',
    phases: 'Phases',
    cap: 'Budget cap',
    planned: 'Planned',
    spentOf: '{{spent}} of {{cap}}',
    timeline: 'Timeline',
    impact: 'Business impact',
    workstreams: 'Workstreams',
    overCap: 'over the cap',
    budgetChart: 'Budget per phase',
    chartLabel: 'Bar chart: planned budget and cap for each phase',
    seriesPlanned: 'Planned',
    seriesCap: 'Cap',
    open: 'Open {{view}}',
    noMission: 'No mission statement in this plan.'
  },
  de: {
    spent: 'Ausgegeben',
    spentDetail: '{{remaining}} vom Plan übrig',
    forecast: 'Prognose bei Abschluss',
    forecastDetail: 'bei aktueller Rate {{amount}}',
    mission: 'Mission',
    drivers: 'Geschäftstreiber',
    figures: 'Kennzahlen',
    totalBudget: 'Gesamtbudget',
    plannedOf: '{{planned}} verplant',
    people: 'Personen',
    roles: 'Rollen im Plan',
    fteQuarters: 'FTE-Quartale',
    allocated: 'zugewiesen über {{n}} Quartale',
    over: 'Überbuchungen',
    overNone: 'niemand über Kapazität',
    overSome: 'Rollen-Quartale über Kapazität',
    risks: 'Risiken',
    expected: '{{amount}} erwartete Kosten',
    deliverables: 'Ergebnisse erledigt',
    deliverablesOf: 'von {{total, number}}',
    phases: 'Phasen',
    cap: 'Budgetobergrenze',
    planned: 'Verplant',
    spentOf: '{{spent}} von {{cap}}',
    timeline: 'Zeitraum',
    impact: 'Geschäftliche Wirkung',
    workstreams: 'Arbeitspakete',
    overCap: 'über der Obergrenze',
    budgetChart: 'Budget je Phase',
    chartLabel: 'Balkendiagramm: verplantes Budget und Obergrenze je Phase',
    seriesPlanned: 'Verplant',
    seriesCap: 'Obergrenze',
    open: '{{view}} öffnen',
    noMission: 'Dieser Plan hat kein Leitbild.'
  }
})
