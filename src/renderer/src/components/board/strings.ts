// Strings shared by the capacity and budget boards: drag instructions and the amount dialog.
import { registerStrings } from '../../i18n'

registerStrings('board', {
  en: {
    action: {
      move: {
        left: 'Move the focused chip one quarter earlier',
        right: 'Move the focused chip one quarter later',
        up: 'Move the focused chip one row up',
        down: 'Move the focused chip one row down'
      },
      half: {
        left: 'Move half of the focused chip one quarter earlier',
        right: 'Move half of the focused chip one quarter later',
        up: 'Move half of the focused chip one row up',
        down: 'Move half of the focused chip one row down'
      }
    },
    instructions:
      'To pick up a chip, press Space or Enter. While dragging, use the arrow keys to move it to another cell; press Space or Enter again to drop it there, or Escape to cancel. Alt+Arrow moves the chip at once; Alt+Shift+Arrow moves half of it.',
    pickedUp: 'Picked up {{item}}.',
    over: '{{item}} is over {{target}}. {{preview}}',
    notOver: '{{item}} is no longer over a cell.',
    dropped: '{{item}} was dropped on {{target}}.',
    droppedNowhere: '{{item}} was dropped outside the board; nothing changed.',
    cancelled: 'Moving {{item}} was cancelled; nothing changed.',
    loading: 'Loading the board: {{n}} entries are being sorted into their rows and quarters …',
    counting:
      'Still counting {{n}} entries: the first rows are shown; rows further down, totals and problems follow in a moment, and chips can be moved then.',
    countingProblems:
      'Still checking {{n}} entries for problems: every row and total is counted; the list of problems follows in a moment.',
    countingShort: 'counting …',
    countingCell: '{{where}}: still counting',
    stillCounting: 'The board is still counting its entries: move the chip again in a moment.',
    updating:
      'Updating … the figures still show the plan before the last change; chips can be moved again in a moment.',
    stillUpdating: 'The board is still taking in the last change: move the chip again in a moment.',
    amountTitle: 'How much should move?',
    amountOk: 'Move',
    splitOk: 'Split',
    amountPercent: 'Share to move, in percent',
    amountMoney: 'Amount, in {{currency}}',
    amountRest: '{{rest}} stays.',
    amountInvalid: 'Enter an amount greater than 0 and at most {{max}}.',
    amountTooLarge: 'At most {{max}} can move.',
    amountNegative: 'Must not be negative.',
    amountNotNumber: 'Enter a number.',
    amountCents: 'At most two decimal places (whole cents).',
    amountAmbiguous: 'German and English writing read this differently: choose what you meant.',
    amountSlider: 'Amount slider',
    hint: {
      mouse: 'Mouse: drag a chip to another cell.',
      mouseShift: 'Mouse: drag a chip to another cell; hold Shift on the drop to choose how much moves.',
      keyboard:
        'Keyboard: Tab to a chip, then Alt+←/→ moves it a quarter, Alt+↑/↓ one {{row}}, Alt+Shift+arrow moves half; Space picks it up to move with the arrow keys, Space again drops it, Escape cancels.',
      row: { role: 'role', phase: 'phase', item: 'place' }
    },
    askAmount: 'Ask how much on every drop',
    moveFailed: 'The move was not made',
    errors: {
      'invalid-amount': 'That amount is not possible here.',
      'not-found': 'The item no longer exists; it may have been changed in another window.',
      'invalid-quarter': 'That quarter is not part of the plan.',
      'currency-mismatch': 'Lines in different currencies cannot be merged.',
      conflict: 'The plan changed in the meantime; try again.',
      other: 'Something went wrong: {{message}}'
    }
  },
  de: {
    action: {
      move: {
        left: 'Ausgewählten Chip ein Quartal früher legen',
        right: 'Ausgewählten Chip ein Quartal später legen',
        up: 'Ausgewählten Chip eine Zeile nach oben legen',
        down: 'Ausgewählten Chip eine Zeile nach unten legen'
      },
      half: {
        left: 'Hälfte des ausgewählten Chips ein Quartal früher legen',
        right: 'Hälfte des ausgewählten Chips ein Quartal später legen',
        up: 'Hälfte des ausgewählten Chips eine Zeile nach oben legen',
        down: 'Hälfte des ausgewählten Chips eine Zeile nach unten legen'
      }
    },
    instructions:
      'Zum Aufnehmen eines Chips Leertaste oder Eingabe drücken. Beim Ziehen mit den Pfeiltasten in eine andere Zelle bewegen; erneut Leertaste oder Eingabe legt ihn dort ab, Escape bricht ab. Alt+Pfeil verschiebt den Chip sofort, Alt+Umschalt+Pfeil verschiebt die Hälfte.',
    pickedUp: '{{item}} aufgenommen.',
    over: '{{item}} ist über {{target}}. {{preview}}',
    notOver: '{{item}} ist über keiner Zelle mehr.',
    dropped: '{{item}} wurde auf {{target}} abgelegt.',
    droppedNowhere: '{{item}} wurde außerhalb der Tafel abgelegt; nichts wurde geändert.',
    cancelled: 'Verschieben von {{item}} abgebrochen; nichts wurde geändert.',
    loading: 'Die Tafel wird geladen: {{n}} Einträge werden ihren Zeilen und Quartalen zugeordnet …',
    counting:
      'Noch werden {{n}} Einträge gezählt: Die ersten Zeilen sind zu sehen; weitere Zeilen, Summen und Probleme folgen gleich, danach lassen sich Karten verschieben.',
    countingProblems:
      'Noch werden {{n}} Einträge auf Probleme geprüft: Alle Zeilen und Summen sind gezählt; die Liste der Probleme folgt gleich.',
    countingShort: 'wird gezählt …',
    countingCell: '{{where}}: wird noch gezählt',
    stillCounting: 'Die Tafel zählt noch ihre Einträge: Karte bitte gleich noch einmal verschieben.',
    updating:
      'Wird aktualisiert … Die Zahlen zeigen noch den Stand vor der letzten Änderung; Karten lassen sich gleich wieder verschieben.',
    stillUpdating:
      'Die Tafel übernimmt noch die letzte Änderung: Karte bitte gleich noch einmal verschieben.',
    amountTitle: 'Wie viel soll verschoben werden?',
    amountOk: 'Verschieben',
    splitOk: 'Aufteilen',
    amountPercent: 'Zu verschiebender Anteil in Prozent',
    amountMoney: 'Betrag in {{currency}}',
    amountRest: '{{rest}} bleibt.',
    amountInvalid: 'Geben Sie einen Betrag größer als 0 und höchstens {{max}} ein.',
    amountTooLarge: 'Höchstens {{max}} kann verschoben werden.',
    amountNegative: 'Darf nicht negativ sein.',
    amountNotNumber: 'Bitte eine Zahl eingeben.',
    amountCents: 'Höchstens zwei Nachkommastellen (ganze Cent).',
    amountAmbiguous: 'Deutsch und Englisch lesen das verschieden: bitte das Gemeinte wählen.',
    amountSlider: 'Schieberegler für den Betrag',
    hint: {
      mouse: 'Maus: einen Chip in eine andere Zelle ziehen.',
      mouseShift: 'Maus: einen Chip in eine andere Zelle ziehen; Umschalt beim Ablegen fragt nach der Menge.',
      keyboard:
        'Tastatur: mit Tab zu einem Chip, dann verschiebt Alt+←/→ ihn um ein Quartal, Alt+↑/↓ um eine {{row}}, Alt+Umschalt+Pfeil die Hälfte; die Leertaste nimmt ihn auf, die Pfeiltasten bewegen ihn, erneut Leertaste legt ihn ab, Escape bricht ab.',
      row: { role: 'Rolle', phase: 'Phase', item: 'Stelle' }
    },
    askAmount: 'Bei jedem Ablegen nach der Menge fragen',
    moveFailed: 'Die Verschiebung wurde nicht ausgeführt',
    errors: {
      'invalid-amount': 'Dieser Betrag ist hier nicht möglich.',
      'not-found': 'Das Element existiert nicht mehr; es wurde vielleicht in einem anderen Fenster geändert.',
      'invalid-quarter': 'Dieses Quartal gehört nicht zum Plan.',
      'currency-mismatch': 'Positionen in verschiedenen Währungen lassen sich nicht zusammenführen.',
      conflict: 'Der Plan hat sich inzwischen geändert; bitte erneut versuchen.',
      other: 'Etwas ist schiefgegangen: {{message}}'
    }
  }
})
