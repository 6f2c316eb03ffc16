// The deliverables view's strings.
import { registerStrings } from '../../i18n'

registerStrings('deliverables', {
  en: {
    deliverables: 'Deliverables per quarter',
    doneOf: '{{done, number}} of {{total, number}} done',
    progress: '{{quarter}}, deliverables done',
    metrics: 'Success metrics per phase',
    metricsHint: 'Set each metric to met or missed once it can be judged.',
    target: 'Target',
    status: '{{text}}, status',
    criteria: 'Success criteria per workstream',
    criteriaHint: 'Tick a criterion when it is fulfilled.',
    summary: '{{met, number}} met · {{missed, number}} missed · {{open, number}} open',
    none: 'No deliverables in this quarter.',
    saveFailed: 'Could not save the change'
  },
  de: {
    deliverables: 'Ergebnisse je Quartal',
    doneOf: '{{done, number}} von {{total, number}} erledigt',
    progress: '{{quarter}}, erledigte Ergebnisse',
    metrics: 'Erfolgskennzahlen je Phase',
    metricsHint: 'Jede Kennzahl auf erreicht oder verfehlt setzen, sobald sie sich beurteilen lässt.',
    target: 'Ziel',
    status: '{{text}}, Status',
    criteria: 'Erfolgskriterien je Arbeitspaket',
    criteriaHint: 'Ein Kriterium abhaken, sobald es erfüllt ist.',
    summary: '{{met, number}} erreicht · {{missed, number}} verfehlt · {{open, number}} offen',
    none: 'Keine Ergebnisse in diesem Quartal.',
    saveFailed: 'Die Änderung konnte nicht gespeichert werden'
  }
})
