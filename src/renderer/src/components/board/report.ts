// Turns a failed move into a translated toast: planning errors by their code, storage errors as given.
import { isPlanningError } from '@shared/planning/errors'
import { msg } from '../../i18n/text'
import { toast } from '../Toaster'
import './strings'

const KNOWN = new Set(['invalid-amount', 'not-found', 'invalid-quarter', 'currency-mismatch', 'conflict'])

export function reportMoveError(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err)
  const description =
    isPlanningError(err) && KNOWN.has(err.code)
      ? msg(`board:errors.${err.code}`)
      : msg('board:errors.other', { message })
  toast({ title: msg('board:moveFailed'), description, kind: 'error' })
}
