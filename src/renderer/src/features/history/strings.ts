// The history view's own strings; the sentences of the entries live in shell/history-strings.ts.
import { registerStrings } from '../../i18n'

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
    revertReferenced:
      'Later changes build on what this change added: {{detail}}. Revert or undo those later changes first, then try again.',
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
    promotedSteps: 'The scenario’s {{count}} steps, now part of this plan:',
    promotedSteps_one: 'The scenario’s step, now part of this plan:',
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
      deliverables: 'Deliverable',
      actuals: 'Actual cost',
      costCentres: 'Cost centre'
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
    revertReferenced:
      'Spätere Änderungen bauen auf dem auf, was diese Änderung hinzugefügt hat: {{detail}}. Nehmen Sie zuerst diese späteren Änderungen zurück und versuchen Sie es dann erneut.',
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
    promotedSteps: 'Die {{count}} Schritte des Szenarios, jetzt Teil dieses Plans:',
    promotedSteps_one: 'Der Schritt des Szenarios, jetzt Teil dieses Plans:',
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
      deliverables: 'Ergebnis',
      actuals: 'Ist-Kosten',
      costCentres: 'Kostenstelle'
    }
  }
})
