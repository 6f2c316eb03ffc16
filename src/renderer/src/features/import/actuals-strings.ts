// Strings of the wizard's actual-costs step ('actuals' namespace) and its history sentence.
import { registerStrings } from '../../i18n'

registerStrings('actuals', {
  en: {
    kindLabel: 'This sheet holds',
    kindPlan: 'Planned budget lines or allocations',
    kindActuals: 'Actual costs (bookings from finance)',
    step: 'Actual costs',
    columns: 'Columns',
    field: {
      date: 'Booking date or period',
      costCentre: 'Cost centre',
      phase: 'Phase',
      workstream: 'Workstream',
      category: 'Account or category',
      amount: 'Amount',
      debit: 'Debit',
      credit: 'Credit',
      debitCredit: 'Debit/credit (S/H)',
      currency: 'Currency',
      text: 'Booking text'
    },
    noColumn: '— none —',
    reading: 'Reading the bookings…',
    counts:
      '{{placed}} bookings add up to {{sum}} in {{quarters}}. {{bad}} rows with problems, {{totals}} total rows skipped.',
    centres: 'Cost centres',
    centre: 'Cost centre',
    bookings: 'Bookings',
    sum: 'Sum',
    placeOn: 'Belongs to',
    choose: 'Choose a phase or workstream…',
    remembered: 'remembered',
    suggested: 'suggested from the name',
    unknownCentres:
      '{{count}} cost centres are not placed yet; their bookings are kept out until you choose.',
    phaseOption: 'Phase {{order}}: {{name}}',
    outside: "Outside the plan's quarters (kept out)",
    outsideRow: '{{quarter}}: {{count}} bookings, {{sum}}',
    problems: 'Rows with problems (not imported)',
    problemRow: 'Row {{row}}, column {{column}}: {{message}}',
    issue: {
      'missing-date': 'no booking date',
      'missing-amount': 'no amount',
      'bad-date': 'not a date, month or quarter',
      'bad-amount': 'not an amount',
      'unsupported-currency': 'only EUR and CHF bookings can be imported',
      'unknown-centre': 'no cost centre, phase or workstream',
      'unknown-phase': 'names no phase or workstream of the plan',
      'error-cell': 'holds a formula error'
    },
    moreProblems: '…and {{count}} more',
    back: 'Back',
    close: 'Close',
    commit: 'Import {{count}} bookings',
    overlapTitle: 'Actual costs for these quarters exist',
    overlapText:
      'The plan already holds actual costs for {{quarters}}. Replace them with this file, or add this file to them?',
    replace: 'Replace',
    add: 'Add',
    done: '{{count}} bookings imported from {{file}}',
    failed: 'The actual costs could not be imported'
  },
  de: {
    kindLabel: 'Dieses Blatt enthält',
    kindPlan: 'Geplante Budgetposten oder Zuordnungen',
    kindActuals: 'Ist-Kosten (Buchungen aus der Buchhaltung)',
    step: 'Ist-Kosten',
    columns: 'Spalten',
    field: {
      date: 'Buchungsdatum oder Periode',
      costCentre: 'Kostenstelle',
      phase: 'Phase',
      workstream: 'Arbeitspaket',
      category: 'Konto oder Kostenart',
      amount: 'Betrag',
      debit: 'Soll',
      credit: 'Haben',
      debitCredit: 'Soll/Haben-Kennzeichen',
      currency: 'Währung',
      text: 'Buchungstext'
    },
    noColumn: '— keine —',
    reading: 'Buchungen werden gelesen…',
    counts:
      '{{placed}} Buchungen ergeben {{sum}} in {{quarters}}. {{bad}} Zeilen mit Problemen, {{totals}} Summenzeilen übersprungen.',
    centres: 'Kostenstellen',
    centre: 'Kostenstelle',
    bookings: 'Buchungen',
    sum: 'Summe',
    placeOn: 'Gehört zu',
    choose: 'Phase oder Arbeitspaket wählen…',
    remembered: 'gespeichert',
    suggested: 'aus dem Namen vorgeschlagen',
    unknownCentres:
      '{{count}} Kostenstellen sind noch nicht zugeordnet; ihre Buchungen bleiben draußen, bis Sie wählen.',
    phaseOption: 'Phase {{order}}: {{name}}',
    outside: 'Außerhalb der Quartale des Plans (nicht übernommen)',
    outsideRow: '{{quarter}}: {{count}} Buchungen, {{sum}}',
    problems: 'Zeilen mit Problemen (nicht importiert)',
    problemRow: 'Zeile {{row}}, Spalte {{column}}: {{message}}',
    issue: {
      'missing-date': 'kein Buchungsdatum',
      'missing-amount': 'kein Betrag',
      'bad-date': 'kein Datum, Monat oder Quartal',
      'bad-amount': 'kein Betrag',
      'unsupported-currency': 'nur Buchungen in EUR und CHF können importiert werden',
      'unknown-centre': 'keine Kostenstelle, Phase oder Arbeitspaket',
      'unknown-phase': 'nennt keine Phase und kein Arbeitspaket des Plans',
      'error-cell': 'enthält einen Formelfehler'
    },
    moreProblems: '…und {{count}} weitere',
    back: 'Zurück',
    close: 'Schließen',
    commit: '{{count}} Buchungen importieren',
    overlapTitle: 'Für diese Quartale gibt es Ist-Kosten',
    overlapText:
      'Der Plan hat bereits Ist-Kosten für {{quarters}}. Durch diese Datei ersetzen oder diese Datei hinzufügen?',
    replace: 'Ersetzen',
    add: 'Hinzufügen',
    done: '{{count}} Buchungen aus {{file}} importiert',
    failed: 'Die Ist-Kosten konnten nicht importiert werden'
  }
})

registerStrings('history', {
  en: { importActuals: 'Imported actual costs: {{count}} bookings from {{file}}' },
  de: { importActuals: 'Ist-Kosten importiert: {{count}} Buchungen aus {{file}}' }
})
