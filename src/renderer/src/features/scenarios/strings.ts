// Strings of the scenarios feature (sidebar plan tree and the Scenarios view), English and German.
import { registerStrings } from '../../i18n'

registerStrings('scenarios', {
  en: {
    tree: {
      newScenario: 'New scenario',
      newScenarioOf: 'New scenario from “{{name}}”',
      actionsFor: 'Actions for {{name}}',
      rename: 'Rename…',
      duplicate: 'Duplicate…',
      branch: 'Branch a scenario…',
      compare: 'Compare with its base',
      promote: 'Make this the baseline…',
      delete: 'Delete…',
      archived: 'Archived',
      archivedCount: 'Archived ({{count}})',
      unarchive: 'Restore from archive',
      depWarnings_one: '{{count}} dependency warning',
      depWarnings_other: '{{count}} dependency warnings',
      scenarioOf: 'scenario of {{name}}'
    },
    name: {
      branchTitle: 'Branch a scenario',
      branchText: 'A full copy of “{{name}}”. Change it freely: the original stays as it is.',
      renameTitle: 'Rename',
      duplicateTitle: 'Duplicate scenario',
      duplicateText: 'A second copy of “{{name}}”, beside it under the same base.',
      label: 'Name',
      create: 'Create',
      rename: 'Rename',
      required: 'Please enter a name.',
      defaultScenario: 'Scenario {{n}}',
      copyOf: '{{name}} (copy)',
      archivedName: 'Before “{{scenario}}” ({{date}})'
    },
    toast: {
      branched: 'Scenario “{{name}}” created',
      branchedText: 'You are now working in the scenario. Its base stays unchanged.',
      renamed: 'Renamed to “{{name}}”',
      duplicated: 'Duplicated as “{{name}}”',
      deleted: '“{{name}}” deleted',
      deletedWith_one: '“{{name}}” and {{count}} scenario deleted',
      deletedWith_other: '“{{name}}” and {{count}} scenarios deleted',
      restored: '“{{name}}” restored',
      promoted: '“{{name}}” is now the baseline',
      promotedText: 'The previous baseline is kept as the archived scenario “{{archived}}”.',
      promotionUndone: 'Promotion undone',
      applied_one: '{{count}} change applied to “{{base}}”',
      applied_other: '{{count}} changes applied to “{{base}}”',
      unarchived: '“{{name}}” restored from the archive',
      exported: 'Comparison exported',
      nothingToApply: 'Nothing to apply: the chosen changes only touch the scenario itself (e.g. its name).',
      failed: 'That did not work'
    },
    confirm: {
      deleteTitle: 'Delete “{{name}}”?',
      deleteText: 'The plan and its history are removed. You can undo this from the notice that follows.',
      deleteTextWith_one:
        'The plan, its history and its {{count}} scenario are removed. You can undo this from the notice that follows.',
      deleteTextWith_other:
        'The plan, its history and its {{count}} scenarios are removed. You can undo this from the notice that follows.',
      promoteTitle: 'Make “{{name}}” the baseline?',
      promoteText:
        '“{{base}}” takes this scenario’s content and keeps its name. Its current content is kept as an archived scenario, and this scenario is removed from the list.',
      promote: 'Make baseline',
      applyTitle: 'Apply {{count}} change(s) to “{{base}}”?',
      applyText: 'The chosen changes are applied to the base as one step, which you can undo there.',
      apply: 'Apply'
    },
    view: {
      compareA: 'Compare',
      compareB: 'with',
      swap: 'Swap sides',
      export: 'Export to Excel…',
      branchCurrent: 'Branch a scenario…',
      noScenarios: 'No scenarios yet',
      noScenariosText:
        'Branch “{{name}}” into a scenario to try a what-if: move people or money in the copy and compare it with the original here.',
      samePlan: 'Pick two different plans to compare.',
      branchedAt: 'Branched from “{{base}}” on {{date}}.',
      noDifferences: 'No differences',
      noDifferencesText: '“{{a}}” and “{{b}}” have the same shares, budget and schedule.',
      baseChanged_one: 'The base changed {{count}} time since this scenario branched from it.',
      baseChanged_other: 'The base changed {{count}} times since this scenario branched from it.',
      deltasTitle: 'What differs',
      shareDeltas: 'Share per role and quarter',
      budgetDeltas: 'Budget per phase and quarter',
      scheduleChanges: 'Workstreams whose schedule moved',
      noShareDeltas: 'Same shares on both sides.',
      noBudgetDeltas: 'Same budget on both sides.',
      noScheduleChanges: 'No workstream moved.',
      role: 'Role',
      phase: 'Phase',
      quarter: 'Quarter',
      workstream: 'Workstream',
      delta: 'Change',
      start: 'Start',
      duration: 'Duration',
      weeks_one: '{{count}} week',
      weeks_other: '{{count}} weeks',
      heatmap: 'Share change per role and quarter',
      heatmapLabel: 'Heatmap of share changes per role and quarter: {{cells}}',
      budgetChart: 'Budget and contingency per quarter',
      budgetChartLabel: 'Bars of budget and risk contingency per quarter for both plans: {{bars}}',
      budgetSeries: '{{name}}: budget',
      contingencySeries: '{{name}}: contingency',
      sidesTitle: 'Each side',
      budget: 'Budget',
      contingency: 'Risk contingency',
      contingencyShort: 'Contingency',
      totalCost: 'Total cost (budget + contingency)',
      planBudget: 'Plan budget',
      overPlanBudget: 'over the plan budget',
      peopleCost: 'People cost (roles with a cost)',
      overAllocations: 'Over-allocations',
      noOverAllocations: 'None',
      overCell: '{{role}}, {{quarter}}: {{allocated}} of {{capacity}}',
      capBreaches: 'Phase cap breaches',
      noCapBreaches: 'None',
      capCell: '{{phase}}: {{spent}} of {{cap}} cap',
      dependencies: 'Dependency warnings',
      noDependencies: 'None',
      budgetByQuarter: 'Budget and contingency per quarter',
      quarterTotal: 'Total',
      onlyIn: 'only in {{name}}',
      promoteTitle: 'Promote',
      promoteText:
        'Make “{{name}}” the new baseline of “{{base}}”, or apply only chosen changes of its history to the base.',
      promoteAll: 'Make baseline…',
      applyChosen: 'Apply chosen changes…',
      historyTitle: 'Changes in “{{name}}”',
      historyEmpty: 'This scenario has no changes of its own yet.',
      chooseEntry: 'Apply “{{what}}”',
      problemsTitle: 'Nothing was applied',
      problemsText: 'The base has changed since the branch. These changes no longer fit it:',
      quickTitle: 'Quick edit in “{{name}}”',
      quickText:
        'Small what-if edits without leaving the comparison. Every edit is a normal step of the scenario’s history (Ctrl+Z undoes it).',
      moveShare: 'Move share',
      chip: 'Allocation',
      toQuarter: 'to',
      targetQuarter: 'Target quarter',
      amount: 'Share to move (%)',
      move: 'Move',
      moveLine: 'Move budget line',
      line: 'Budget line',
      reschedule: 'Reschedule workstream',
      startMonth: 'First month',
      durationWeeks: 'Weeks',
      apply: 'Apply',
      invalidShare: 'Enter a share between 1 and {{max}} %.',
      invalidWeeks: 'Enter 1 to 104 weeks.'
    },
    problem: {
      'missing-in-base': '{{what}}: the base no longer has it.',
      'changed-in-base': '{{what}}: it was changed in the base since the branch.',
      'already-applied': '{{what}}: the base already has this change.',
      'exists-in-base': '{{what}}: the base already has it.',
      'missing-reference':
        '{{what}}: it needs {{ref}}, which is not in the base — choose the change that created it too.',
      plan: 'plan settings ({{fields}})',
      entry: 'Change “{{what}}”'
    },
    dep: {
      schedule: '{{ws}} starts {{start}}, before {{dep}} ends ({{end}})',
      missing: '{{ws}} depends on a workstream that is not in the plan',
      allocation: 'Work on {{ws}} in {{quarter}}, before {{dep}} ends ({{end}})'
    },
    entity: {
      allocation: '{{role}} on {{ws}} in {{quarter}}',
      budgetLine: 'budget line “{{title}}”',
      other: '{{table}} “{{name}}”'
    },
    sheet: {
      saveTitle: 'Export comparison'
    }
  },
  de: {
    tree: {
      newScenario: 'Neues Szenario',
      newScenarioOf: 'Neues Szenario aus „{{name}}“',
      actionsFor: 'Aktionen für {{name}}',
      rename: 'Umbenennen…',
      duplicate: 'Duplizieren…',
      branch: 'Szenario abzweigen…',
      compare: 'Mit der Basis vergleichen',
      promote: 'Zur Basis machen…',
      delete: 'Löschen…',
      archived: 'Archiviert',
      archivedCount: 'Archiviert ({{count}})',
      unarchive: 'Aus dem Archiv holen',
      depWarnings_one: '{{count}} Abhängigkeitswarnung',
      depWarnings_other: '{{count}} Abhängigkeitswarnungen',
      scenarioOf: 'Szenario von {{name}}'
    },
    name: {
      branchTitle: 'Szenario abzweigen',
      branchText:
        'Eine vollständige Kopie von „{{name}}“. Ändern Sie sie frei: Das Original bleibt, wie es ist.',
      renameTitle: 'Umbenennen',
      duplicateTitle: 'Szenario duplizieren',
      duplicateText: 'Eine zweite Kopie von „{{name}}“, daneben unter derselben Basis.',
      label: 'Name',
      create: 'Anlegen',
      rename: 'Umbenennen',
      required: 'Bitte einen Namen eingeben.',
      defaultScenario: 'Szenario {{n}}',
      copyOf: '{{name}} (Kopie)',
      archivedName: 'Vor „{{scenario}}“ ({{date}})'
    },
    toast: {
      branched: 'Szenario „{{name}}“ angelegt',
      branchedText: 'Sie arbeiten jetzt im Szenario. Seine Basis bleibt unverändert.',
      renamed: 'Umbenannt in „{{name}}“',
      duplicated: 'Dupliziert als „{{name}}“',
      deleted: '„{{name}}“ gelöscht',
      deletedWith_one: '„{{name}}“ und {{count}} Szenario gelöscht',
      deletedWith_other: '„{{name}}“ und {{count}} Szenarien gelöscht',
      restored: '„{{name}}“ wiederhergestellt',
      promoted: '„{{name}}“ ist jetzt die Basis',
      promotedText: 'Die bisherige Basis bleibt als archiviertes Szenario „{{archived}}“ erhalten.',
      promotionUndone: 'Übernahme rückgängig gemacht',
      applied_one: '{{count}} Änderung auf „{{base}}“ übertragen',
      applied_other: '{{count}} Änderungen auf „{{base}}“ übertragen',
      unarchived: '„{{name}}“ aus dem Archiv geholt',
      exported: 'Vergleich exportiert',
      nothingToApply:
        'Nichts zu übertragen: Die gewählten Änderungen betreffen nur das Szenario selbst (z. B. seinen Namen).',
      failed: 'Das hat nicht geklappt'
    },
    confirm: {
      deleteTitle: '„{{name}}“ löschen?',
      deleteText:
        'Der Plan und sein Verlauf werden entfernt. In der folgenden Meldung können Sie das rückgängig machen.',
      deleteTextWith_one:
        'Der Plan, sein Verlauf und sein {{count}} Szenario werden entfernt. In der folgenden Meldung können Sie das rückgängig machen.',
      deleteTextWith_other:
        'Der Plan, sein Verlauf und seine {{count}} Szenarien werden entfernt. In der folgenden Meldung können Sie das rückgängig machen.',
      promoteTitle: '„{{name}}“ zur Basis machen?',
      promoteText:
        '„{{base}}“ übernimmt den Inhalt dieses Szenarios und behält seinen Namen. Sein bisheriger Inhalt bleibt als archiviertes Szenario erhalten, und dieses Szenario verschwindet aus der Liste.',
      promote: 'Zur Basis machen',
      applyTitle: '{{count}} Änderung(en) auf „{{base}}“ übertragen?',
      applyText:
        'Die gewählten Änderungen werden in einem Schritt auf die Basis übertragen, den Sie dort rückgängig machen können.',
      apply: 'Übertragen'
    },
    view: {
      compareA: 'Vergleiche',
      compareB: 'mit',
      swap: 'Seiten tauschen',
      export: 'Nach Excel exportieren…',
      branchCurrent: 'Szenario abzweigen…',
      noScenarios: 'Noch keine Szenarien',
      noScenariosText:
        'Zweigen Sie aus „{{name}}“ ein Szenario ab, um ein Was-wäre-wenn zu probieren: Verschieben Sie Personen oder Geld in der Kopie und vergleichen Sie sie hier mit dem Original.',
      samePlan: 'Wählen Sie zwei verschiedene Pläne zum Vergleich.',
      branchedAt: 'Abgezweigt von „{{base}}“ am {{date}}.',
      noDifferences: 'Keine Unterschiede',
      noDifferencesText:
        '„{{a}}“ und „{{b}}“ haben dieselben Anteile, dasselbe Budget und denselben Zeitplan.',
      baseChanged_one: 'Die Basis wurde seit dem Abzweigen dieses Szenarios {{count}}-mal geändert.',
      baseChanged_other: 'Die Basis wurde seit dem Abzweigen dieses Szenarios {{count}}-mal geändert.',
      deltasTitle: 'Was sich unterscheidet',
      shareDeltas: 'Anteil je Rolle und Quartal',
      budgetDeltas: 'Budget je Phase und Quartal',
      scheduleChanges: 'Arbeitspakete mit geändertem Zeitplan',
      noShareDeltas: 'Gleiche Anteile auf beiden Seiten.',
      noBudgetDeltas: 'Gleiches Budget auf beiden Seiten.',
      noScheduleChanges: 'Kein Arbeitspaket verschoben.',
      role: 'Rolle',
      phase: 'Phase',
      quarter: 'Quartal',
      workstream: 'Arbeitspaket',
      delta: 'Änderung',
      start: 'Beginn',
      duration: 'Dauer',
      weeks_one: '{{count}} Woche',
      weeks_other: '{{count}} Wochen',
      heatmap: 'Anteilsänderung je Rolle und Quartal',
      heatmapLabel: 'Heatmap der Anteilsänderungen je Rolle und Quartal: {{cells}}',
      budgetChart: 'Budget und Rückstellung je Quartal',
      budgetChartLabel: 'Balken für Budget und Risikorückstellung je Quartal beider Pläne: {{bars}}',
      budgetSeries: '{{name}}: Budget',
      contingencySeries: '{{name}}: Rückstellung',
      sidesTitle: 'Beide Seiten',
      budget: 'Budget',
      contingency: 'Risikorückstellung',
      contingencyShort: 'Rückstellung',
      totalCost: 'Gesamtkosten (Budget + Rückstellung)',
      planBudget: 'Planbudget',
      overPlanBudget: 'über dem Planbudget',
      peopleCost: 'Personalkosten (Rollen mit Kostensatz)',
      overAllocations: 'Überbuchungen',
      noOverAllocations: 'Keine',
      overCell: '{{role}}, {{quarter}}: {{allocated}} von {{capacity}}',
      capBreaches: 'Überschrittene Phasenobergrenzen',
      noCapBreaches: 'Keine',
      capCell: '{{phase}}: {{spent}} bei {{cap}} Obergrenze',
      dependencies: 'Abhängigkeitswarnungen',
      noDependencies: 'Keine',
      budgetByQuarter: 'Budget und Rückstellung je Quartal',
      quarterTotal: 'Summe',
      onlyIn: 'nur in {{name}}',
      promoteTitle: 'Übernehmen',
      promoteText:
        'Machen Sie „{{name}}“ zur neuen Basis von „{{base}}“ oder übertragen Sie nur gewählte Änderungen aus seinem Verlauf auf die Basis.',
      promoteAll: 'Zur Basis machen…',
      applyChosen: 'Gewählte Änderungen übertragen…',
      historyTitle: 'Änderungen in „{{name}}“',
      historyEmpty: 'Dieses Szenario hat noch keine eigenen Änderungen.',
      chooseEntry: '„{{what}}“ übertragen',
      problemsTitle: 'Es wurde nichts übertragen',
      problemsText: 'Die Basis hat sich seit dem Abzweigen geändert. Diese Änderungen passen nicht mehr:',
      quickTitle: 'Schnell ändern in „{{name}}“',
      quickText:
        'Kleine Was-wäre-wenn-Änderungen, ohne den Vergleich zu verlassen. Jede ist ein normaler Schritt im Verlauf des Szenarios (Strg+Z nimmt ihn zurück).',
      moveShare: 'Anteil verschieben',
      chip: 'Zuordnung',
      toQuarter: 'nach',
      targetQuarter: 'Zielquartal',
      amount: 'Zu verschiebender Anteil (%)',
      move: 'Verschieben',
      moveLine: 'Budgetposten verschieben',
      line: 'Budgetposten',
      reschedule: 'Arbeitspaket neu planen',
      startMonth: 'Erster Monat',
      durationWeeks: 'Wochen',
      apply: 'Übernehmen',
      invalidShare: 'Geben Sie einen Anteil zwischen 1 und {{max}} % ein.',
      invalidWeeks: 'Geben Sie 1 bis 104 Wochen ein.'
    },
    problem: {
      'missing-in-base': '{{what}}: Die Basis hat es nicht mehr.',
      'changed-in-base': '{{what}}: Es wurde seit dem Abzweigen in der Basis geändert.',
      'already-applied': '{{what}}: Die Basis hat diese Änderung schon.',
      'exists-in-base': '{{what}}: Die Basis hat es bereits.',
      'missing-reference':
        '{{what}}: Es braucht {{ref}}, das nicht in der Basis ist — wählen Sie auch die Änderung, die es angelegt hat.',
      plan: 'Planeinstellungen ({{fields}})',
      entry: 'Änderung „{{what}}“'
    },
    dep: {
      schedule: '{{ws}} beginnt {{start}}, bevor {{dep}} endet ({{end}})',
      missing: '{{ws}} hängt von einem Arbeitspaket ab, das nicht im Plan ist',
      allocation: 'Arbeit an {{ws}} in {{quarter}}, bevor {{dep}} endet ({{end}})'
    },
    entity: {
      allocation: '{{role}} an {{ws}} in {{quarter}}',
      budgetLine: 'Budgetposten „{{title}}“',
      other: '{{table}} „{{name}}“'
    },
    sheet: {
      saveTitle: 'Vergleich exportieren'
    }
  }
})

// Summaries of the history entries this feature writes (describeEntry reads the 'history' namespace).
registerStrings('history', {
  en: {
    history: {
      promoteScenario: 'Made scenario “{{name}}” the baseline',
      applyScenarioEntries: 'Applied {{count}} change(s) from scenario “{{name}}”',
      quickMoveShare: 'Moved {{share}} of {{role}} from {{from}} to {{to}}',
      quickMoveLine: 'Moved budget line “{{title}}” from {{from}} to {{to}}',
      quickReschedule: 'Rescheduled {{ws}} to start {{start}} for {{weeks}} weeks',
      renamePlan: 'Renamed “{{from}}” to “{{to}}”',
      archivePlan: 'Archived “{{name}}”',
      unarchivePlan: 'Restored “{{name}}” from the archive'
    }
  },
  de: {
    history: {
      promoteScenario: 'Szenario „{{name}}“ zur Basis gemacht',
      applyScenarioEntries: '{{count}} Änderung(en) aus Szenario „{{name}}“ übertragen',
      quickMoveShare: '{{share}} von {{role}} von {{from}} nach {{to}} verschoben',
      quickMoveLine: 'Budgetposten „{{title}}“ von {{from}} nach {{to}} verschoben',
      quickReschedule: '{{ws}} neu geplant: Beginn {{start}}, {{weeks}} Wochen',
      renamePlan: '„{{from}}“ umbenannt in „{{to}}“',
      archivePlan: '„{{name}}“ archiviert',
      unarchivePlan: '„{{name}}“ aus dem Archiv geholt'
    }
  }
})
