// Strings of the generic components in this folder, one namespace each, as every feature keeps its
// own in its strings.ts.
import { registerStrings } from '../i18n'

// The estimate badge (EstimateBadge.tsx): beside figures that are our assumption, not the roadmap's.
registerStrings('estimate', {
  en: {
    label: 'Estimate',
    title:
      'An assumption, not a figure from the roadmap; edit it or confirm it when the real figure is known.'
  },
  de: {
    label: 'Schätzung',
    title:
      'Eine Annahme, keine Zahl aus der Roadmap; ändern oder bestätigen, sobald die echte Zahl bekannt ist.'
  }
})

// What a typed number will store, and the question when it reads two ways (NumberHint.tsx).
registerStrings('number-hint', {
  en: {
    stores: 'Stores {{value}}',
    ask: 'Which did you mean?',
    confirm: 'Did you mean this?',
    choose: 'Store {{value}}'
  },
  de: {
    stores: 'Wird gespeichert als {{value}}',
    ask: 'Was ist gemeint?',
    confirm: 'Ist das gemeint?',
    choose: '{{value}} speichern'
  }
})

// In-place edits (InlineEdit.tsx): hints, refusals beside the field, a failed save.
registerStrings('inline-edit', {
  en: {
    hint: 'Click or press Enter to edit',
    editing: 'Enter saves, Escape cancels',
    error: {
      negative: 'Must not be negative.',
      'not-a-number': 'Enter a number.',
      'too-large': 'Too large.',
      'not-integer-cents': 'At most two decimal places (whole cents).',
      'out-of-range': 'Out of the allowed range.',
      ambiguous: 'German and English writing read this differently: choose what you meant.',
      failed: 'Could not save this value.'
    },
    saveFailed: 'Could not save'
  },
  de: {
    hint: 'Klicken oder Enter drücken zum Bearbeiten',
    editing: 'Enter speichert, Escape bricht ab',
    error: {
      negative: 'Darf nicht negativ sein.',
      'not-a-number': 'Bitte eine Zahl eingeben.',
      'too-large': 'Zu groß.',
      'not-integer-cents': 'Höchstens zwei Nachkommastellen (ganze Cent).',
      'out-of-range': 'Außerhalb des erlaubten Bereichs.',
      ambiguous: 'Deutsch und Englisch lesen das verschieden: bitte das Gemeinte wählen.',
      failed: 'Dieser Wert konnte nicht gespeichert werden.'
    },
    saveFailed: 'Speichern fehlgeschlagen'
  }
})
