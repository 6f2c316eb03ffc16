// The boards' text filter: what a planner types matches the names shown, whatever their case and
// accents ("uberwachung" finds "Überwachung", "Sécurité" finds "securite").

const NON_ASCII = /[^\x20-\x7e]/
const MARKS = /\p{M}/gu

/** Lower case without accents; ASCII text (most names) skips the Unicode decomposition. */
export function foldText(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(MARKS, '').toLowerCase() : text.toLowerCase()
}

/** A test of names against the filter text; undefined when the filter is empty (everything matches). */
export function textMatcher(filter: string): ((name: string) => boolean) | undefined {
  const needle = foldText(filter.trim())
  if (!needle) return undefined
  return (name) => foldText(name).includes(needle)
}
