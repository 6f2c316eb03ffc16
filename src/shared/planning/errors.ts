// The one error type the planning math throws on purpose: callers switch on `code`
// (and translate it) instead of parsing messages.

export const PLANNING_ERROR_CODES = [
  'invalid-quarter',
  'invalid-month',
  'not-found',
  'invalid-amount',
  'currency-mismatch',
  'invalid-value',
  'conflict'
] as const
export type PlanningErrorCode = (typeof PLANNING_ERROR_CODES)[number]

export class PlanningError extends Error {
  readonly code: PlanningErrorCode

  constructor(code: PlanningErrorCode, message: string) {
    super(message)
    this.name = 'PlanningError'
    this.code = code
  }
}

export function isPlanningError(error: unknown): error is PlanningError {
  return error instanceof PlanningError
}
