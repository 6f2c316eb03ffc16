// The Budget view's strings ('budget' namespace) and those of its plan against actual ('actualsView').
import { registerStrings } from '../../i18n'

registerStrings('budget', {
  en: {
    planned: 'Planned in total',
    planBudget: 'Plan budget',
    remaining: 'Remaining',
    overBudget: 'Over the plan budget by {{amount}}',
    breaches: 'Caps exceeded',
    noBreaches: 'All phases within their caps',
    item: 'Phase / line item',
    total: 'Total',
    cap: 'Cap',
    capLabel: '{{phase}}, budget cap',
    amountLabel: '{{title}}, amount',
    grandTotal: 'All phases',
    inEur: '≈ {{amount}}',
    perQuarter: 'Planned budget per quarter and phase',
    chartLabel: 'Bar chart of the planned budget per quarter, stacked by phase',
    tooLarge: 'Too large: at most 10,000,000,000 per value.',
    updating:
      'Updating … the figures and lines still show the plan before the last change; they can be edited again in a moment.',
    exceeded: 'cap exceeded',
    chfNote: 'CHF lines are shown in CHF and counted at {{rate}} EUR per CHF.',
    showMore: 'Show {{more}} more ({{shown}} of {{n}} lines)'
  },
  de: {
    planned: 'Geplant insgesamt',
    planBudget: 'Planbudget',
    remaining: 'Verbleibend',
    overBudget: 'Über dem Planbudget um {{amount}}',
    breaches: 'Obergrenzen überschritten',
    noBreaches: 'Alle Phasen innerhalb ihrer Obergrenze',
    item: 'Phase / Budgetposten',
    total: 'Summe',
    cap: 'Obergrenze',
    capLabel: '{{phase}}, Budgetobergrenze',
    amountLabel: '{{title}}, Betrag',
    grandTotal: 'Alle Phasen',
    inEur: '≈ {{amount}}',
    perQuarter: 'Geplantes Budget je Quartal und Phase',
    chartLabel: 'Balkendiagramm des geplanten Budgets je Quartal, gestapelt nach Phase',
    tooLarge: 'Zu groß: höchstens 10.000.000.000 je Wert.',
    updating:
      'Wird aktualisiert … Zahlen und Positionen zeigen noch den Stand vor der letzten Änderung; sie lassen sich gleich wieder bearbeiten.',
    exceeded: 'Obergrenze überschritten',
    chfNote: 'CHF-Posten stehen in CHF und zählen mit {{rate}} EUR je CHF.',
    showMore: '{{more}} weitere zeigen ({{shown}} von {{n}} Posten)'
  }
})

registerStrings('actualsView', {
  en: {
    title: 'Plan against actual',
    none: 'No actual costs yet. Import a bookings export from finance (File > Import spreadsheet, "Actual costs").',
    spent: 'Spent',
    remaining: 'Remaining',
    forecast: 'Forecast at completion',
    runRate: 'At the current rate',
    through: 'Actuals through {{quarter}}; later quarters at plan',
    item: 'Phase / workstream',
    total: 'Total',
    ofPlan: 'of {{plan}}',
    left: '{{amount}} left',
    over: '{{amount}} over',
    noStream: 'Without workstream',
    burn: 'Cumulative burn: plan against actual',
    burnLabel: 'Line chart of the cumulative planned budget and the cumulative actual cost per quarter',
    planLine: 'Plan (cumulative)',
    actualLine: 'Actual (cumulative)'
  },
  de: {
    title: 'Plan gegen Ist',
    none: 'Noch keine Ist-Kosten. Importieren Sie einen Buchungsexport der Buchhaltung (Datei > Tabelle importieren, „Ist-Kosten“).',
    spent: 'Ausgegeben',
    remaining: 'Verbleibend',
    forecast: 'Prognose bei Abschluss',
    runRate: 'Bei aktueller Rate',
    through: 'Ist-Kosten bis {{quarter}}; spätere Quartale nach Plan',
    item: 'Phase / Arbeitspaket',
    total: 'Summe',
    ofPlan: 'von {{plan}}',
    left: '{{amount}} übrig',
    over: '{{amount}} darüber',
    noStream: 'Ohne Arbeitspaket',
    burn: 'Kumulierter Verbrauch: Plan gegen Ist',
    burnLabel: 'Liniendiagramm des kumulierten geplanten Budgets und der kumulierten Ist-Kosten je Quartal',
    planLine: 'Plan (kumuliert)',
    actualLine: 'Ist (kumuliert)'
  }
})
