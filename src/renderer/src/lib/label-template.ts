// A translated label with placeholders, interpolated by plain string joins. i18next's t() costs
// tens of microseconds a call (key lookup, nesting and interpolation regexes); every cell and chip
// coming into view while the board scrolls needs one or two labels. The board calls t() once per
// key and language with markers for the values, and fills the markers from then on.

const MARK = '\u0001'

/** Compiles `key` through `t` once; the result fills the named values in. */
export function labelTemplate<K extends string>(
  t: (key: string, values: Record<string, string>) => string,
  key: string,
  names: readonly K[]
): (values: Record<K, string>) => string {
  const marks: Record<string, string> = {}
  names.forEach((n, i) => (marks[n] = `${MARK}${i}${MARK}`))
  // Alternating text and value indexes: text, i, text, j, …, text.
  const parts = t(key, marks).split(MARK)
  return (values) => {
    let out = parts[0]
    for (let i = 1; i < parts.length; i += 2) out += values[names[Number(parts[i])]] + parts[i + 1]
    return out
  }
}
