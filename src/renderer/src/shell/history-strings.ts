// History sentences of board moves and the change kinds ('history' namespace), read by
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
      moveLineRow: `Moved ${AMOUNT} of “{{line}}” to {{toRow}} ({{toPhase}}, {{to}})`,
      splitLine: `Split ${AMOUNT} off “{{line}}” ({{phase}}, {{quarter}})`,
      setSoftCap: 'Set the soft cap from {{from, number}}% to {{to, number}}%',
      revertOf: 'Reverted change #{{seq}}'
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
      splitLine: `${AMOUNT} von „{{line}}“ abgeteilt ({{phase}}, {{quarter}})`,
      setSoftCap: 'Warnschwelle von {{from, number}} % auf {{to, number}} % gesetzt',
      revertOf: 'Änderung Nr. {{seq}} zurückgenommen'
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
