import { describe, expect, it } from 'vitest'
import { cellGroup, followCellMemo, type TouchingIndex } from './cell-memo'

const index = (version: number, touched: [string, string][], incremental = true): TouchingIndex => ({
  version,
  incremental,
  touched: touched as TouchingIndex['touched']
})

describe('the boards’ cell memo', () => {
  it('keeps every cell a commit did not touch and drops the ones it did', () => {
    const v0 = index(0, [], false)
    const memo = followCellMemo<string>(null, ['en'], v0)
    memo.set('r1-a', 'role 1 lane a', cellGroup('r1', '2026-Q1'))
    memo.set('r1-b', 'role 1 lane b', cellGroup('r1', '2026-Q1'))
    memo.set('r2', 'role 2', cellGroup('r2', '2026-Q1'))
    const next = followCellMemo(memo, ['en'], index(1, [['r1', '2026-Q1']]))
    expect(next.get('r1-a', cellGroup('r1', '2026-Q1'))).toBeUndefined()
    expect(next.get('r1-b', cellGroup('r1', '2026-Q1'))).toBeUndefined()
    expect(next.get('r2', cellGroup('r2', '2026-Q1'))).toBe('role 2')
  })

  it('starts afresh for another language, a skipped version or a full build', () => {
    const v0 = index(0, [], false)
    const memo = followCellMemo<string>(null, ['en'], v0)
    memo.set('c', 'cell')
    expect(followCellMemo(memo, ['de'], v0).get('c')).toBeUndefined()
    expect(followCellMemo(memo, ['en'], index(2, [])).get('c')).toBeUndefined()
    expect(followCellMemo(memo, ['en'], index(1, [], false)).get('c')).toBeUndefined()
    expect(followCellMemo(memo, ['en'], v0).get('c')).toBe('cell')
  })

  it('without an index keeps its cells until a dep changes', () => {
    const memo = followCellMemo<number>(null, ['en'])
    memo.set('c', 1)
    expect(followCellMemo(memo, ['en']).get('c')).toBe(1)
    expect(followCellMemo(memo, ['de']).get('c')).toBeUndefined()
  })
})
