// Help: the keyboard shortcuts sheet, the command palette and Getting started.
import { registerStrings } from '../../i18n'

registerStrings('help', {
  en: {
    menu: 'Help',
    shortcuts: 'Keyboard shortcuts',
    palette: 'Command palette',
    gettingStarted: 'Getting started',
    shortcutsIntro:
      'Every command with its keys. Press ? or F1 anywhere to open this sheet, Ctrl+K for the command palette.',
    noKeys: 'no shortcut',
    group: {
      file: 'File',
      edit: 'Edit',
      view: 'Views',
      board: 'Boards',
      help: 'Help'
    },
    boardKeys: {
      title: 'On the capacity and budget boards',
      altLeftRight: 'Move the focused chip one quarter earlier or later',
      altUpDown: 'Move the focused chip to the role or phase above or below',
      altShift: 'Move half of the focused chip',
      space: 'Pick a chip up; arrows choose the cell; Space or Enter drops it, Escape cancels',
      shiftDrop: 'Hold Shift while dropping with the mouse to choose how much moves'
    },
    paletteLabel: 'Command palette',
    palettePlaceholder: 'Type a command…',
    paletteEmpty: 'No command matches.',
    welcomeOffer: 'New to Quartermaster?',
    welcomeOfferText: 'A two-minute tour of the plan, the boards, scenarios, import and export.',
    welcomeOpen: 'Getting started',
    close: 'Close',
    start: {
      plan: 'What you see',
      planText:
        'Quartermaster opens with the built-in plan: FreshFoodz’s infrastructure roadmap, Q4 2025 to Q4 2026, in five phases and seven workstreams with €415,000 of budget. Everything stays on this computer.',
      move: 'Move people’s time and budget',
      moveText:
        'On the Capacity board and the Budget board, drag a chip to another quarter, role or phase. With the keyboard: focus a chip, then Alt+arrow keys move it, Alt+Shift+arrow moves half, Space picks it up for a free move. Ctrl+Z undoes any change; History lists them all.',
      branch: 'Try what-ifs',
      branchText:
        'The + beside Plans branches a scenario from the current plan. Change it freely, compare it with its base in Scenarios, and promote it when it should become the plan.',
      import: 'Import finance sheets',
      importText:
        'File > Import spreadsheet (Ctrl+I), or drop an .xlsx, .ods or .csv file on the window. The wizard shows every row before anything is stored.',
      export: 'Export',
      exportText:
        'The Export menu writes the allocation workbook (Ctrl+E) and CSVs finance can re-import without loss; File > Back up saves everything.'
    }
  },
  de: {
    menu: 'Hilfe',
    shortcuts: 'Tastenkürzel',
    palette: 'Befehlspalette',
    gettingStarted: 'Erste Schritte',
    shortcutsIntro:
      'Alle Befehle mit ihren Tasten. ? oder F1 öffnet diese Übersicht überall, Strg+K die Befehlspalette.',
    noKeys: 'kein Kürzel',
    group: {
      file: 'Datei',
      edit: 'Bearbeiten',
      view: 'Ansichten',
      board: 'Boards',
      help: 'Hilfe'
    },
    boardKeys: {
      title: 'Auf dem Kapazitäts- und dem Budget-Board',
      altLeftRight: 'Fokussierten Chip ein Quartal früher oder später',
      altUpDown: 'Fokussierten Chip zur Rolle oder Phase darüber oder darunter',
      altShift: 'Die Hälfte des fokussierten Chips verschieben',
      space: 'Chip aufnehmen; Pfeiltasten wählen die Zelle; Leertaste oder Eingabe legt ab, Escape bricht ab',
      shiftDrop: 'Umschalt beim Ablegen mit der Maus gedrückt halten, um die Menge zu wählen'
    },
    paletteLabel: 'Befehlspalette',
    palettePlaceholder: 'Befehl eingeben…',
    paletteEmpty: 'Kein Befehl passt.',
    welcomeOffer: 'Neu bei Quartermaster?',
    welcomeOfferText: 'Ein Rundgang in zwei Minuten: Plan, Boards, Szenarien, Import und Export.',
    welcomeOpen: 'Erste Schritte',
    close: 'Schließen',
    start: {
      plan: 'Was Sie sehen',
      planText:
        'Quartermaster öffnet den eingebauten Plan: die Infrastruktur-Roadmap von FreshFoodz, Q4 2025 bis Q4 2026, in fünf Phasen und sieben Arbeitspaketen mit 415.000 € Budget. Alles bleibt auf diesem Rechner.',
      move: 'Zeit und Budget verschieben',
      moveText:
        'Auf dem Kapazitäts- und dem Budget-Board einen Chip in ein anderes Quartal, eine andere Rolle oder Phase ziehen. Mit der Tastatur: Chip fokussieren, Alt+Pfeiltasten verschieben ihn, Alt+Umschalt+Pfeil die Hälfte, die Leertaste nimmt ihn frei auf. Strg+Z macht jede Änderung rückgängig; der Verlauf listet alle.',
      branch: 'Was-wäre-wenn ausprobieren',
      branchText:
        'Das + neben „Pläne“ verzweigt ein Szenario aus dem aktuellen Plan. Frei ändern, in „Szenarien“ mit der Basis vergleichen und übernehmen, wenn es der Plan werden soll.',
      import: 'Finanztabellen importieren',
      importText:
        'Datei > Tabelle importieren (Strg+I) oder eine .xlsx-, .ods- oder .csv-Datei auf das Fenster ziehen. Der Assistent zeigt jede Zeile, bevor etwas gespeichert wird.',
      export: 'Exportieren',
      exportText:
        'Das Export-Menü schreibt die Zuteilungsmappe (Strg+E) und CSVs, die die Finanzabteilung verlustfrei reimportieren kann; Datei > Sichern speichert alles.'
    }
  }
})
