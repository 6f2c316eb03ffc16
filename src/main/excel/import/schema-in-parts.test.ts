import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { backupPayloadSchema } from '../../../shared/export/backup-format'
import { buildFreshFoodzPlan } from '../../../shared/planning/seed/freshfoodz'
import { JsonScanner } from './json-scan'
import { SchemaInParts } from './schema-in-parts'

/** The scanner's value for `value`'s text in `parts` pieces, checked in parts; whether it passed. */
function checkInParts(schema: z.ZodType, value: unknown, parts = 5): boolean {
  const checker = new SchemaInParts(schema)
  let ok = true
  const scanner = new JsonScanner((path, items) => {
    const checked = checker.batch(path, items)
    ok &&= checked !== 'refused'
    return checked === 'later'
  })
  const bytes = new TextEncoder().encode(JSON.stringify(value))
  const size = Math.ceil(bytes.length / parts)
  for (let at = 0; at < bytes.length; at += size) scanner.push(bytes.subarray(at, at + size))
  const whole = scanner.end()
  return ok && checker.whole(whole)
}

function backup() {
  const plan = buildFreshFoodzPlan()
  return {
    plans: [plan],
    history: [
      {
        seq: 1,
        planId: plan.plan.id,
        at: '2026-01-01T00:00:00.000Z',
        kind: 'edit',
        summary: { key: 'history.edit', values: {} },
        changes: plan.budgetLines.map((l) => ({ table: 'budgetLines', id: l.id, before: null, after: l })),
        undone: false
      }
    ],
    mappings: [],
    settings: [{ key: 'list', value: [[1], [2]] }]
  }
}

describe('SchemaInParts', () => {
  it('passes and refuses exactly what the schema checked whole does', () => {
    const cases: [string, (b: ReturnType<typeof backup>) => void][] = [
      ['as it is', () => undefined],
      [
        'a row of a plan not valid',
        (b) => ((b.plans[0]!.budgetLines[3] as { amountCents: unknown }).amountCents = 'x')
      ],
      ['a change not valid', (b) => ((b.history[0]!.changes[2] as { table: string }).table = 'nope')],
      ['a plan field not valid', (b) => ((b.plans[0]!.plan as { name: unknown }).name = 7)],
      ['an entry field not valid', (b) => ((b.history[0] as { undone: unknown }).undone = 'no')],
      [
        'a table missing',
        (b) => delete (b.plans[0] as Partial<ReturnType<typeof buildFreshFoodzPlan>>).roles
      ],
      ['a table not an array', (b) => ((b.plans[0] as unknown as { risks: unknown }).risks = {})],
      ['an optional table absent', (b) => delete (b.plans[0] as { actuals?: unknown }).actuals],
      ['an unknown table', (b) => ((b.plans[0] as unknown as { extra: unknown }).extra = [1, 'x'])]
    ]
    for (const [what, change] of cases) {
      const b = backup()
      change(b)
      const whole = backupPayloadSchema.safeParse(JSON.parse(JSON.stringify(b))).success
      expect(checkInParts(backupPayloadSchema, b), what).toBe(whole)
      expect(checkInParts(backupPayloadSchema, b, 1), what).toBe(whole)
    }
  })

  it("checks an array's length as its schema does, on all its batches together", () => {
    const schema = z.object({ a: z.array(z.object({ rows: z.array(z.object({ n: z.number() })).max(6) })) })
    const value = (n: number) => ({ a: [{ rows: Array.from({ length: n }, (_, i) => ({ n: i })) }] })
    expect(checkInParts(schema, value(6), 4)).toBe(true)
    expect(checkInParts(schema, value(7), 4)).toBe(false)
    expect(schema.safeParse(value(7)).success).toBe(false)
  })

  it('leaves the value as it was', () => {
    const b = backup()
    const before = JSON.stringify(b)
    const checker = new SchemaInParts(backupPayloadSchema)
    expect(checker.batch(['plans', 0, 'budgetLines'], b.plans[0]!.budgetLines)).toBe('checked')
    expect(checker.whole(b)).toBe(true)
    expect(JSON.stringify(b)).toBe(before)
  })
})
