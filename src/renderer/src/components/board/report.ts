// Turns a failed move into a translated toast: planning errors by their code, storage errors as given.
import { isPlanningError } from '@shared/planning/errors'
import { i18n } from '../../i18n'
import { toast } from '../Toaster'
import './strings'

const KNOWN = new Set(['invalid-amount', 'not-found', 'invalid-quarter', 'currency-mismatch', 'conflict'])

export function reportMoveError(err: unknown): void {
  const t = i18n.getFixedT(null, 'board')
  const message = err instanceof Error ? err.message : String(err)
  const description =
    isPlanningError(err) && KNOWN.has(err.code) ? t(`errors.${err.code}`) : t('errors.other', { message })
  toast({ title: t('moveFailed'), description, kind: 'error' })
}
