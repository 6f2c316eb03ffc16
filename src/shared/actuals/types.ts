// Actual costs of a plan: finance's bookings, aggregated when imported. The raw bookings stay in
// the source file; a plan keeps one row per phase, workstream, quarter and category.
import type { Cents, Priority, QuarterKey } from '../planning/types'
import type { Actual, CostCentreMapping } from '../planning/types'
import type { AmountScale, ScaleFound } from '../import/units'

export type { Actual, ActualSource, CostCentreMapping } from '../planning/types'

export const BOOKING_FIELDS = [
  'date',
  'costCentre',
  'phase',
  'workstream',
  'category',
  'amount',
  'debit',
  'credit',
  'debitCredit',
  'currency',
  'text'
] as const
export type BookingField = (typeof BOOKING_FIELDS)[number]

/** Which column (0-based) feeds which booking field. */
export type BookingMapping = {
  columns: Partial<Record<BookingField, number>>
  /** 'auto': detected from the amount columns' text. */
  numberStyle: 'de' | 'en' | 'ch' | 'auto'
  /** Currency of bookings without a currency column or symbol. */
  defaultCurrency: 'EUR' | 'CHF'
  /** Amounts written in thousands ("TEUR") or millions ("Mio. €"): each booking times this. */
  amountScale?: AmountScale
}

export const BOOKING_ISSUES = [
  'missing-date',
  'missing-amount',
  'bad-date',
  'bad-amount',
  'unsupported-currency',
  'unknown-centre',
  'unknown-phase',
  'error-cell'
] as const
export type BookingIssueCode = (typeof BOOKING_ISSUES)[number]

/** A booking that could not be counted, on its row as Excel shows it. */
export type BookingIssue = {
  code: BookingIssueCode
  /** 1-based row number. */
  row: number
  /** Column letter; '' when the field has no column. */
  column: string
  field: BookingField
  value: string
  message: string
}

/** The plan a bookings file is read against: its quarters, rate, names and cost-centre table. */
export type ActualsTarget = {
  planId: string
  quarters: QuarterKey[]
  chfToEur: number
  phases: { id: string; name: string; order: number; priority: Priority }[]
  workstreams: { id: string; key: string; title: string; phaseId: string }[]
  centres: Pick<CostCentreMapping, 'centre' | 'phaseId' | 'workstreamId'>[]
}

/** One aggregate before it has an id: what a bookings file adds to a plan. */
export type ActualSum = Omit<Actual, 'id' | 'planId' | 'source' | 'chfBaseCents' | 'chfToEur'> & {
  chfBaseCents: Cents
  chfToEur: number
}

/** A cost centre found in the bookings, with what it adds up to and where it is (or could be) mapped. */
export type CentreSeen = {
  centre: string
  label: string
  bookings: number
  /** Sum in base-currency cents (CHF at the plan's rate). */
  baseCents: Cents
  /** From the plan's table. */
  mapped: { phaseId: string; workstreamId: string | null } | null
  /** From the names, when the table does not know the centre. */
  suggested: { phaseId: string; workstreamId: string | null } | null
}

export type BookingsResult = {
  sheet: string
  headerRow: number
  /** Actuals of the bookings that could be placed. */
  sums: ActualSum[]
  /** Quarters the placed bookings fall in, sorted. */
  quarters: QuarterKey[]
  counts: {
    /** Bookings added up into sums. */
    placed: number
    /** Rows with an issue (not counted). */
    bad: number
    totals: number
    empty: number
    /** Bookings outside the plan's quarters. */
    outside: number
    /** Bookings of a centre mapped nowhere. */
    unplaced: number
  }
  /** Sum of the placed bookings in base-currency cents. */
  placedCents: Cents
  /** Bookings outside the plan's quarters per quarter, kept out of the sums. */
  outside: { quarter: QuarterKey; bookings: number; baseCents: Cents }[]
  centres: CentreSeen[]
  /** The first issues (up to MAX_BOOKING_ISSUES); counts.bad counts them all. */
  issues: BookingIssue[]
  totalRows: number[]
  numberStyle: 'de' | 'en' | 'ch' | null
  /** Bookings were multiplied by this (written in thousands or millions); omitted when 1. */
  amountScale?: AmountScale
  /**
   * The first amount cell with a value that reads as an amount: as written ("12,5") and what it was
   * read as (times the unit applied; a credit's sign not yet applied), in the booking's currency.
   * The actual-costs step shows it as the sheet's own example of the unit. Omitted when none reads.
   */
  example?: { source: string; cents: Cents; currency: 'EUR' | 'CHF' }
}

export type ReadBookingsRequest = {
  sheet: number
  /** 1-based header row; omitted: the detected one. */
  headerRow?: number
  /** Omitted: suggested from the header row. */
  mapping?: BookingMapping
  target: ActualsTarget
}

/** A bookings sheet as read in the parse worker: its sums and findings, never its rows. */
export type BookingsRead = {
  fileName: string
  /** sha256 of the file's bytes, so the same export is recognised whatever its name. */
  fingerprint: string
  sheet: number
  headerRow: number
  headers: string[]
  mapping: BookingMapping
  /** The unit the sheet names for its amounts (header, period titles or a line above), whatever the mapping applies. */
  scale: ScaleFound | null
  /** The unit named for the whole table (period titles, a line above), whatever the amount columns. */
  tableScale: ScaleFound | null
  result: BookingsResult
}
