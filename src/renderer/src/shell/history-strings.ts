// History sentences of board moves, of the forms' edits and the change kinds ('history' namespace), read by
// describe-entry.ts for toasts, announcements and the history view. Values are stored raw in each
// entry, so a sentence follows the UI language even for entries written in the other one.
import { registerStrings } from '../i18n'

// Money as everywhere else in the app ("€30,000", "30.000 €"); describe-entry passes the currency.
const AMOUNT = '{{amount, currency}}'

registerStrings('history', {
  en: {
    history: {
      moveAllocationQuarter: 'Moved {{pct, number}}% of {{role}} ({{workstream}}) from {{from}} to {{to}}',
      moveAllocationRole: 'Moved {{pct, number}}% of {{workstream}} in {{from}} from {{role}} to {{toRole}}',
      moveAllocationWorkstream:
        'Moved {{pct, number}}% of {{role}} in {{from}} from {{workstream}} to {{toWorkstream}}',
      moveAllocation:
        'Moved {{pct, number}}% of {{role}} ({{workstream}}, {{from}}) to {{toRole}} ({{toWorkstream}}, {{to}})',
      moveLineQuarter: `Moved ${AMOUNT} of “{{line}}” from {{from}} to {{to}}`,
      moveLinePhase: `Moved ${AMOUNT} of “{{line}}” from {{fromPhase}} to {{toPhase}} ({{to}})`,
      moveLine: `Moved ${AMOUNT} of “{{line}}” from {{fromPhase}}, {{from}} to {{toPhase}}, {{to}}`,
      // moveLineRow is how entries written before moveLineToRow (row as one text) still read.
      moveLineRow: `Moved ${AMOUNT} of “{{line}}” to {{toRow}} ({{toPhase}}, {{to}})`,
      moveLineToRow: `Moved ${AMOUNT} of “{{line}}” to {{toWorkstream}} / {{category, category}} ({{toPhase}}, {{to}})`,
      moveLineToRow_noWorkstream: `Moved ${AMOUNT} of “{{line}}” to {{category, category}} without a workstream ({{toPhase}}, {{to}})`,
      splitLine: `Split ${AMOUNT} off “{{line}}” ({{phase}}, {{quarter}})`,
      setSoftCap: 'Set the soft cap from {{from, number}}% to {{to, number}}%',
      revertOf: 'Reverted change #{{seq}}',
      // Quick edits of a scenario. quickMoveShare and quickReschedule are how entries written before
      // they stored values (share and start as text in one language) still read.
      quickMoveShare: 'Moved {{share}} of {{role}} from {{from}} to {{to}}',
      quickMoveAllocation: 'Moved {{pct, number}}% of {{role}} from {{from}} to {{to}}',
      quickMoveLine: 'Moved budget line “{{title}}” from {{from}} to {{to}}',
      quickReschedule: 'Rescheduled {{ws}} to start {{start}} for {{weeks}} weeks',
      quickRescheduleMonth: 'Rescheduled {{ws}} to start {{month, month}} for {{weeks}} weeks',
      addRole: 'Added the role {{name}}',
      editRole: 'Edited the role {{name}}',
      removeRole: 'Removed the role {{name}}',
      removeRoleMoved: 'Removed the role {{name}}; its work went to {{to}}',
      reorderRole: 'Moved the role {{name}}',
      addAllocation: 'Assigned {{pct, number}}% of {{role}} to {{workstream}} in {{quarter}}',
      addLine: 'Added the budget line “{{name}}”',
      editLine: 'Edited the budget line “{{name}}”',
      removeLine: 'Removed the budget line “{{name}}”',
      reorderLine_one:
        'Moved the budget line “{{name}}” to place {{place, number}} of {{count, number}} in {{phase}}',
      reorderLine_other:
        'Moved the budget line “{{name}}” to place {{place, number}} of {{count, number}} in {{phase}}',
      addWorkstream: 'Added the workstream {{name}}',
      editWorkstream: 'Edited the workstream {{name}}',
      removeWorkstream: 'Removed the workstream {{name}}',
      reorderWorkstream: 'Moved the workstream {{name}}',
      addPhase: 'Added the phase {{name}}',
      editPhase: 'Edited the phase {{name}}',
      removePhase: 'Removed the phase {{name}}',
      reorderPhase: 'Moved the phase {{name}}',
      addMetric: 'Added the success metric “{{name}}”',
      editMetric: 'Edited the success metric “{{name}}”',
      removeMetric: 'Removed the success metric “{{name}}”',
      addRisk: 'Added the risk “{{name}}”',
      editRisk: 'Edited the risk “{{name}}”',
      removeRisk: 'Removed the risk “{{name}}”',
      reorderRisk_one: 'Moved the risk “{{name}}” to place {{place, number}} of {{count, number}}',
      reorderRisk_other: 'Moved the risk “{{name}}” to place {{place, number}} of {{count, number}}',
      addDeliverable: 'Added the deliverable “{{name}}”',
      editDeliverable: 'Edited the deliverable “{{name}}”',
      removeDeliverable: 'Removed the deliverable “{{name}}”',
      reorderDeliverable: 'Moved the deliverable “{{name}}”',
      planSettings: 'Changed the plan settings',
      quarterRange: 'Set the plan’s quarters to {{from}} – {{to}}'
    },
    kind: {
      move: 'Move',
      split: 'Split',
      merge: 'Merge',
      edit: 'Edit',
      create: 'Create',
      delete: 'Delete',
      import: 'Import',
      reset: 'Reset',
      revert: 'Revert',
      promote: 'Promote'
    }
  },
  de: {
    history: {
      moveAllocationQuarter:
        '{{pct, number}} % von {{role}} ({{workstream}}) von {{from}} nach {{to}} verschoben',
      moveAllocationRole:
        '{{pct, number}} % von {{workstream}} in {{from}} von {{role}} zu {{toRole}} verschoben',
      moveAllocationWorkstream:
        '{{pct, number}} % von {{role}} in {{from}} von {{workstream}} nach {{toWorkstream}} verschoben',
      moveAllocation:
        '{{pct, number}} % von {{role}} ({{workstream}}, {{from}}) zu {{toRole}} ({{toWorkstream}}, {{to}}) verschoben',
      moveLineQuarter: `${AMOUNT} von „{{line}}“ von {{from}} nach {{to}} verschoben`,
      moveLinePhase: `${AMOUNT} von „{{line}}“ von {{fromPhase}} nach {{toPhase}} ({{to}}) verschoben`,
      moveLine: `${AMOUNT} von „{{line}}“ von {{fromPhase}}, {{from}} nach {{toPhase}}, {{to}} verschoben`,
      moveLineRow: `${AMOUNT} von „{{line}}“ nach {{toRow}} ({{toPhase}}, {{to}}) verschoben`,
      moveLineToRow: `${AMOUNT} von „{{line}}“ nach {{toWorkstream}} / {{category, category}} ({{toPhase}}, {{to}}) verschoben`,
      moveLineToRow_noWorkstream: `${AMOUNT} von „{{line}}“ nach {{category, category}} ohne Arbeitspaket ({{toPhase}}, {{to}}) verschoben`,
      splitLine: `${AMOUNT} von „{{line}}“ abgeteilt ({{phase}}, {{quarter}})`,
      setSoftCap: 'Warnschwelle von {{from, number}} % auf {{to, number}} % gesetzt',
      revertOf: 'Änderung Nr. {{seq}} zurückgenommen',
      quickMoveShare: '{{share}} von {{role}} von {{from}} nach {{to}} verschoben',
      quickMoveAllocation: '{{pct, number}} % von {{role}} von {{from}} nach {{to}} verschoben',
      quickMoveLine: 'Budgetposten „{{title}}“ von {{from}} nach {{to}} verschoben',
      quickReschedule: '{{ws}} neu geplant: Beginn {{start}}, {{weeks}} Wochen',
      quickRescheduleMonth: '{{ws}} neu geplant: Beginn {{month, month}}, {{weeks}} Wochen',
      addRole: 'Rolle {{name}} hinzugefügt',
      editRole: 'Rolle {{name}} bearbeitet',
      removeRole: 'Rolle {{name}} entfernt',
      removeRoleMoved: 'Rolle {{name}} entfernt; ihre Arbeit ging an {{to}}',
      reorderRole: 'Rolle {{name}} verschoben',
      addAllocation: '{{pct, number}} % von {{role}} für {{workstream}} in {{quarter}} eingeplant',
      addLine: 'Budgetposition „{{name}}“ hinzugefügt',
      editLine: 'Budgetposition „{{name}}“ bearbeitet',
      removeLine: 'Budgetposition „{{name}}“ entfernt',
      reorderLine_one:
        'Budgetposition „{{name}}“ an Stelle {{place, number}} von {{count, number}} in {{phase}} verschoben',
      reorderLine_other:
        'Budgetposition „{{name}}“ an Stelle {{place, number}} von {{count, number}} in {{phase}} verschoben',
      addWorkstream: 'Arbeitspaket {{name}} hinzugefügt',
      editWorkstream: 'Arbeitspaket {{name}} bearbeitet',
      removeWorkstream: 'Arbeitspaket {{name}} entfernt',
      reorderWorkstream: 'Arbeitspaket {{name}} verschoben',
      addPhase: 'Phase {{name}} hinzugefügt',
      editPhase: 'Phase {{name}} bearbeitet',
      removePhase: 'Phase {{name}} entfernt',
      reorderPhase: 'Phase {{name}} verschoben',
      addMetric: 'Erfolgskennzahl „{{name}}“ hinzugefügt',
      editMetric: 'Erfolgskennzahl „{{name}}“ bearbeitet',
      removeMetric: 'Erfolgskennzahl „{{name}}“ entfernt',
      addRisk: 'Risiko „{{name}}“ hinzugefügt',
      editRisk: 'Risiko „{{name}}“ bearbeitet',
      removeRisk: 'Risiko „{{name}}“ entfernt',
      reorderRisk_one: 'Risiko „{{name}}“ an Stelle {{place, number}} von {{count, number}} verschoben',
      reorderRisk_other: 'Risiko „{{name}}“ an Stelle {{place, number}} von {{count, number}} verschoben',
      addDeliverable: 'Lieferergebnis „{{name}}“ hinzugefügt',
      editDeliverable: 'Lieferergebnis „{{name}}“ bearbeitet',
      removeDeliverable: 'Lieferergebnis „{{name}}“ entfernt',
      reorderDeliverable: 'Lieferergebnis „{{name}}“ verschoben',
      planSettings: 'Planeinstellungen geändert',
      quarterRange: 'Quartale des Plans auf {{from}} – {{to}} gesetzt'
    },
    kind: {
      move: 'Verschieben',
      split: 'Aufteilen',
      merge: 'Zusammenführen',
      edit: 'Bearbeiten',
      create: 'Anlegen',
      delete: 'Löschen',
      import: 'Import',
      reset: 'Zurücksetzen',
      revert: 'Zurücknehmen',
      promote: 'Übernehmen'
    }
  }
})
