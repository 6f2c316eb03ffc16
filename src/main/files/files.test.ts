import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic, writeFileAtomicSync } from './atomic-write'
import { checkFilePath, isInside, safeFileStem, withExtension } from './paths'

describe('atomic write', () => {
  it('replaces the file in one step and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qm-atomic-'))
    const path = join(dir, 'plan.xlsx')
    await writeFile(path, 'old')
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]))
    expect([...(await readFile(path))]).toEqual([1, 2, 3])
    expect(await readdir(dir)).toEqual(['plan.xlsx'])
  })

  it('keeps the old file whole and removes the temporary file when writing fails midway', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qm-atomic-'))
    const path = join(dir, 'plan.xlsx')
    await writeFile(path, 'old')
    // Data the file handle cannot write: the failure happens after the temporary file was created.
    await expect(writeFileAtomic(path, { not: 'bytes' } as unknown as string)).rejects.toThrow()
    expect(await readFile(path, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['plan.xlsx'])
  })

  it('writes settings synchronously the same way, creating the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qm-atomic-'))
    const path = join(dir, 'settings', 'recent.json')
    writeFileAtomicSync(path, '{"files":[]}')
    writeFileAtomicSync(path, '{"files":["a"]}')
    expect(await readFile(path, 'utf8')).toBe('{"files":["a"]}')
    expect(await readdir(join(dir, 'settings'))).toEqual(['recent.json'])
  })

  it('fails with the cause when the folder does not exist', async () => {
    await expect(writeFileAtomic('/nonexistent-folder-qm/x.xlsx', 'x')).rejects.toMatchObject({
      code: 'ENOENT'
    })
  })
})

describe('path checks', () => {
  it.each([
    ['relative/plan.xlsx', /must be absolute/],
    ['/tmp/plan.exe', /must end in \.xlsx/],
    ['/tmp/.xlsx', /Not a file name/],
    ['/tmp/pl\u0000an.xlsx', /NUL/],
    ['', /No file name/]
  ])('refuses %j', (path, reason) => {
    const r = checkFilePath(path, { extensions: ['xlsx'] })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(reason)
  })

  it('accepts absolute paths with the extension in any case, normalised', () => {
    expect(checkFilePath('/tmp/a/../Plan.XLSX', { extensions: ['xlsx'] })).toEqual({
      ok: true,
      path: '/tmp/Plan.XLSX'
    })
  })

  it("refuses to write into the app's own folder, also through ..", () => {
    const r = checkFilePath('/opt/Quartermaster/resources/../x.xlsx', {
      extensions: ['xlsx'],
      forbiddenDirs: ['/opt/Quartermaster']
    })
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/app's own folder/) })
    expect(isInside('/opt/Quartermaster2/x', '/opt/Quartermaster')).toBe(false)
  })

  it('builds file names from plan names', () => {
    expect(safeFileStem('FreshFoodz: Q4/Q1 <draft>?')).toBe('FreshFoodz Q4 Q1 draft')
    expect(safeFileStem('...')).toBe('Plan')
    expect(withExtension('/tmp/a', 'xlsx')).toBe('/tmp/a.xlsx')
    expect(withExtension('/tmp/a.XLSX', 'xlsx')).toBe('/tmp/a.XLSX')
  })
})
