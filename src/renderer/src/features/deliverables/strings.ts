// The deliverables view's strings.
import { registerStrings } from '../../i18n'

registerStrings('deliverables', {
  en: {
    deliverables: 'Deliverables per quarter',
    doneOf: '{{done}} of {{total}} done',
    progress: '{{quarter}}, deliverables done',
    metrics: 'Success metrics per phase',
    metricsHint: 'Set each metric to met or missed once it can be judged.',
    target: 'Target',
    status: '{{text}}, status',
    criteria: 'Success criteria per workstream',
    criteriaHint: 'Tick a criterion when it is fulfilled.',
    summary: '{{met}} met · {{missed}} missed · {{open}} open',
    none: 'No deliverables in this quarter.',
    saveFailed: 'Could not save the change'
  },
  de: {
    deliverables: 'Ergebnisse je Quartal',
    doneOf: '{{done}} von {{total}} erledigt',
    progress: '{{quarter}}, erledigte Ergebnisse',
    metrics: 'Erfolgskennzahlen je Phase',
    metricsHint: 'Jede Kennzahl auf erreicht oder verfehlt setzen, sobald sie sich beurteilen lässt.',
    target: 'Ziel',
    status: '{{text}}, Status',
    criteria: 'Erfolgskriterien je Arbeitspaket',
    criteriaHint: 'Ein Kriterium abhaken, sobald es erfüllt ist.',
    summary: '{{met}} erreicht · {{missed}} verfehlt · {{open}} offen',
    none: 'Keine Ergebnisse in diesem Quartal.',
    saveFailed: 'Die Änderung konnte nicht gespeichert werden'
  }
})
