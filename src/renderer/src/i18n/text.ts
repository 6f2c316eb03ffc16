// Text translated when it is shown, not when it is made: a notice made before a language switch
// reads in the language shown after it.
import { i18n } from './index'

/** A namespaced key ("scenarios:toast.branched") and its values; a value may be a Text itself. */
export class Message {
  constructor(
    readonly key: string,
    readonly values?: Readonly<Record<string, unknown>>
  ) {}
}

/**
 * A message, or a function that reads the language when it is called (through `i18n`, never a
 * hook's `t`, which keeps the language it was made in). No plain string: a string translated where
 * the text is made would stay in that language; one shown as it is says so with `asIs`.
 */
export type Text = Message | (() => string)

export const msg = (key: string, values?: Record<string, unknown>): Message => new Message(key, values)

/** Text that reads the same in every language: a file's path, an error's own message. */
export const asIs =
  (text: string): Text =>
  () =>
    text

const isText = (value: unknown): value is Text => value instanceof Message || typeof value === 'function'

/** The text in the language shown now. */
export function translate(text: Text): string {
  if (typeof text === 'function') return text()
  const values: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(text.values ?? {})) values[k] = isText(v) ? translate(v) : v
  return i18n.t(text.key, values)
}
