// The dependencies view's strings.
import { registerStrings } from '../../i18n'

registerStrings('dependencies', {
  en: {
    infraTitle: 'Infrastructure → business modules',
    infraHint: 'Which modules each workstream serves, and what they get from it.',
    moduleTitle: 'Business modules → infrastructure',
    moduleHint: 'What the modules deliver that infrastructure work waits for.',
    workstream: 'Workstream',
    module: 'Module {{n}}',
    moduleShort: 'M{{n}}',
    what: 'What',
    serves: '{{ws}} serves module {{n}}',
    notServes: '{{ws}} does not serve module {{n}}',
    modules: 'Modules',
    feeds: 'Feeds',
    all: 'All modules',
    count: '{{n, number}} of 8 modules',
    perModule: 'Workstreams per module',
    needsCount: '{{n, number}} workstreams'
  },
  de: {
    infraTitle: 'Infrastruktur → Geschäftsmodule',
    infraHint: 'Welche Module jedes Arbeitspaket bedient und was sie davon bekommen.',
    moduleTitle: 'Geschäftsmodule → Infrastruktur',
    moduleHint: 'Was die Module liefern, worauf die Infrastrukturarbeit wartet.',
    workstream: 'Arbeitspaket',
    module: 'Modul {{n}}',
    moduleShort: 'M{{n}}',
    what: 'Was',
    serves: '{{ws}} bedient Modul {{n}}',
    notServes: '{{ws}} bedient Modul {{n}} nicht',
    modules: 'Module',
    feeds: 'Liefert an',
    all: 'Alle Module',
    count: '{{n, number}} von 8 Modulen',
    perModule: 'Arbeitspakete je Modul',
    needsCount: '{{n, number}} Arbeitspakete'
  }
})
