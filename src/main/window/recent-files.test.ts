import { describe, expect, it } from 'vitest'
import { noteRecent } from './recent-files'

describe('recent files', () => {
  it('puts the newest first, without duplicates, and remembers its folder', () => {
    let s = { files: [] as string[], lastFolder: null as string | null }
    s = noteRecent(s, '/a/x.xlsx')
    s = noteRecent(s, '/b/y.xlsx')
    s = noteRecent(s, '/a/x.xlsx')
    expect(s.files).toEqual(['/a/x.xlsx', '/b/y.xlsx'])
    expect(s.lastFolder).toBe('/a')
  })
  it('keeps at most eight', () => {
    let s = { files: [] as string[], lastFolder: null as string | null }
    for (let i = 0; i < 12; i++) s = noteRecent(s, `/f${i}.xlsx`)
    expect(s.files).toHaveLength(8)
    expect(s.files[0]).toBe('/f11.xlsx')
  })
})
