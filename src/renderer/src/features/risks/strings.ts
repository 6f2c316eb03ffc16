// The risks view's strings.
import { registerStrings } from '../../i18n'

registerStrings('risks', {
  en: {
    matrix: 'Probability × impact',
    matrixHint:
      'Each risk sits where its probability and impact meet; the further up and right, the more it matters.',
    probability: 'Probability',
    impact: 'Impact',
    band: { high: 'High (50–100 %)', medium: 'Medium (20–49 %)', low: 'Low (0–19 %)' },
    cellLabel_one: 'Probability {{band}}, impact {{impact}}: {{count, number}} risk',
    cellLabel_other: 'Probability {{band}}, impact {{impact}}: {{count, number}} risks',
    list: 'Risks and mitigations',
    expected: 'Expected cost',
    expectedHint: 'probability × impact',
    estimateNote_one:
      '1 risk cost is our estimate, not a figure from the roadmap (≈); edit or confirm it in the risk or under Overview > Assumptions.',
    estimateNote_other:
      '{{count, number}} risk costs are our estimates, not figures from the roadmap (≈); edit or confirm them in each risk or under Overview > Assumptions.',
    contingency: 'Contingency for all risks',
    impactCost: 'Impact if it happens',
    impactLevel: 'Impact level',
    impactText: 'As written',
    mitigations: 'Mitigations',
    linked: 'Concerns',
    quarters: 'Quarters',
    probLabel: '{{title}}, probability',
    impactLabel: '{{title}}, impact in EUR',
    levelLabel: '{{title}}, impact level',
    probRange: 'Enter a percentage from 0 to 100.',
    tooLarge: 'Too large: at most 10,000,000,000 EUR.',
    perQuarter: 'Expected cost per quarter',
    chartLabel: 'Bar chart of the expected risk cost per quarter',
    saveFailed: 'Could not save the change'
  },
  de: {
    matrix: 'Wahrscheinlichkeit × Auswirkung',
    matrixHint:
      'Jedes Risiko steht dort, wo sich Wahrscheinlichkeit und Auswirkung treffen; je weiter oben rechts, desto wichtiger.',
    probability: 'Wahrscheinlichkeit',
    impact: 'Auswirkung',
    band: { high: 'Hoch (50–100 %)', medium: 'Mittel (20–49 %)', low: 'Niedrig (0–19 %)' },
    cellLabel_one: 'Wahrscheinlichkeit {{band}}, Auswirkung {{impact}}: {{count, number}} Risiko',
    cellLabel_other: 'Wahrscheinlichkeit {{band}}, Auswirkung {{impact}}: {{count, number}} Risiken',
    list: 'Risiken und Gegenmaßnahmen',
    expected: 'Erwartete Kosten',
    expectedHint: 'Wahrscheinlichkeit × Schadenshöhe',
    estimateNote_one:
      '1 Schadenshöhe ist unsere Schätzung, keine Zahl aus der Roadmap (≈); im Risiko oder unter Übersicht > Annahmen ändern oder bestätigen.',
    estimateNote_other:
      '{{count, number}} Schadenshöhen sind unsere Schätzungen, keine Zahlen aus der Roadmap (≈); im jeweiligen Risiko oder unter Übersicht > Annahmen ändern oder bestätigen.',
    contingency: 'Risikopuffer für alle Risiken',
    impactCost: 'Schadenshöhe bei Eintritt',
    impactLevel: 'Auswirkung',
    impactText: 'Laut Roadmap',
    mitigations: 'Gegenmaßnahmen',
    linked: 'Betrifft',
    quarters: 'Quartale',
    probLabel: '{{title}}, Wahrscheinlichkeit',
    impactLabel: '{{title}}, Schadenshöhe in EUR',
    levelLabel: '{{title}}, Auswirkung',
    probRange: 'Prozentwert von 0 bis 100 eingeben.',
    tooLarge: 'Zu groß: höchstens 10.000.000.000 EUR.',
    perQuarter: 'Erwartete Kosten je Quartal',
    chartLabel: 'Balkendiagramm der erwarteten Risikokosten je Quartal',
    saveFailed: 'Die Änderung konnte nicht gespeichert werden'
  }
})
