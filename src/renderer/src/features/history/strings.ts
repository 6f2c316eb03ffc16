// History sentences ('history' namespace, read by shell/describe-entry.ts for toasts and the history
// view) and the history view's own strings. Values are stored raw in each entry, so a sentence
// follows the UI language even for entries written in the other one.
import { registerStrings } from '../../i18n'

const AMOUNT = '{{amount, number(minimumFractionDigits: 2; maximumFractionDigits: 2)}} {{currency}}'

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

registerStrings('historyView', {
  en: {
    empty: 'No changes yet. Moves, splits and edits you make appear here, newest first.',
    count: '{{count}} changes',
    count_one: '{{count}} change',
    when: 'When',
    kind: 'Kind',
    what: 'What changed',
    undone: 'Undone',
    revert: 'Revert',
    revertLabel: 'Revert change #{{seq}}: {{what}}',
    reverted: 'Reverted: {{what}}',
    revertFailed: 'Could not revert this change',
    revertConflict:
      'Later changes touched the same items: {{detail}}. Revert or undo those later changes first, then try again.',
    revertConflictUnknown: 'Later changes touched the same items. Revert or undo them first, then try again.',
    revertDone: 'The change was reverted; the revert is a new entry at the top and can itself be undone.',
    entryLabel: 'Change #{{seq}}',
    alreadyUndone: 'This change is undone already; redo it or leave it.',
    gone: 'That history entry no longer exists.',
    details: 'Details',
    detailsLabel: 'Show before and after of change #{{seq}}',
    created: 'created',
    deleted: 'deleted',
    changed: 'changed',
    field: 'Field',
    before: 'Before',
    after: 'After',
    showMore: 'Show {{count}} older changes',
    more: '… and {{count}} more items',
    tables: {
      plans: 'Plan',
      phases: 'Phase',
      workstreams: 'Workstream',
      roles: 'Role',
      allocations: 'Allocation',
      budgetLines: 'Budget line',
      risks: 'Risk',
      dependencies: 'Dependency',
      deliverables: 'Deliverable'
    }
  },
  de: {
    empty:
      'Noch keine Änderungen. Verschiebungen, Aufteilungen und Bearbeitungen erscheinen hier, die neueste zuerst.',
    count: '{{count}} Änderungen',
    count_one: '{{count}} Änderung',
    when: 'Wann',
    kind: 'Art',
    what: 'Was sich geändert hat',
    undone: 'Rückgängig gemacht',
    revert: 'Zurücknehmen',
    revertLabel: 'Änderung Nr. {{seq}} zurücknehmen: {{what}}',
    reverted: 'Zurückgenommen: {{what}}',
    revertFailed: 'Diese Änderung lässt sich nicht zurücknehmen',
    revertConflict:
      'Spätere Änderungen betreffen dieselben Elemente: {{detail}}. Nehmen Sie zuerst diese späteren Änderungen zurück und versuchen Sie es dann erneut.',
    revertConflictUnknown:
      'Spätere Änderungen betreffen dieselben Elemente. Nehmen Sie diese zuerst zurück und versuchen Sie es dann erneut.',
    revertDone:
      'Die Änderung wurde zurückgenommen; die Rücknahme steht als neuer Eintrag oben und lässt sich selbst rückgängig machen.',
    entryLabel: 'Änderung Nr. {{seq}}',
    alreadyUndone:
      'Diese Änderung ist bereits rückgängig gemacht; wiederholen Sie sie oder lassen Sie sie so.',
    gone: 'Dieser Verlaufseintrag existiert nicht mehr.',
    details: 'Details',
    detailsLabel: 'Vorher und nachher von Änderung Nr. {{seq}} zeigen',
    created: 'angelegt',
    deleted: 'gelöscht',
    changed: 'geändert',
    field: 'Feld',
    before: 'Vorher',
    after: 'Nachher',
    showMore: '{{count}} ältere Änderungen zeigen',
    more: '… und {{count}} weitere Elemente',
    tables: {
      plans: 'Plan',
      phases: 'Phase',
      workstreams: 'Arbeitspaket',
      roles: 'Rolle',
      allocations: 'Zuteilung',
      budgetLines: 'Budgetposition',
      risks: 'Risiko',
      dependencies: 'Abhängigkeit',
      deliverables: 'Ergebnis'
    }
  }
})
