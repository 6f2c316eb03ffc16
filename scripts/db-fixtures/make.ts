// Writes test/fixtures/db/<form>.json: for each schema form Quartermaster ever shipped, the
// database THAT version's code wrote (see write-old-db.ts). Each commit's src/ is checked out into
// a temporary folder and its own Dexie code is run there on fake-indexeddb.
// Usage: npx tsx scripts/db-fixtures/make.ts [FORM...] (all forms without arguments; a form made
// again gets new ids and times, so name only the new ones)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** Every shipped form of the schema, with the commit whose code wrote it. v2 was edited once. */
export const SHIPPED_FORMS = [
  // Schema v1, with the last code that wrote it consistently (35c16a1 already queried the
  // undoneOf index v2 brought, so its undo failed on a v1 database).
  { form: 'v1', commit: '35c16a1^' },
  // v2 as first shipped: history indexed by undoneOf, no historyParts store.
  { form: 'v2-undoneOf', commit: 'ef05daa' },
  // v2 as edited afterwards: historyParts added for long change lists.
  { form: 'v2-historyParts', commit: 'd5a4e45' },
  // v3 (actuals and cost centres), with the last code before v4.
  { form: 'v3', commit: '95c12d6^' },
  // v4 (risks and budget lines numbered), with the last code before packed storage.
  { form: 'v4', commit: '02c8022^' },
  // v6: allocations and budget lines packed. Versions 5 (packs added, rows moved into them) and 6
  // (the row stores dropped) landed together in 02c8022, so no code ever wrote a v5 database.
  { form: 'v6', commit: '02c8022' }
] as const

const wanted = process.argv.slice(2)
const unknown = wanted.filter((w) => !SHIPPED_FORMS.some((f) => f.form === w))
if (unknown.length) throw new Error(`unknown form ${unknown.join(', ')}`)

const repo = resolve(import.meta.dirname, '../..')
const outDir = join(repo, 'test/fixtures/db')
mkdirSync(outDir, { recursive: true })

for (const { form, commit } of SHIPPED_FORMS) {
  if (wanted.length && !wanted.includes(form)) continue
  const dir = mkdtempSync(join(tmpdir(), `qm-db-${form}-`))
  try {
    const tar = execFileSync('git', ['archive', commit, 'src', 'tsconfig.base.json', 'tsconfig.web.json'], {
      cwd: repo,
      maxBuffer: 1 << 28
    })
    execFileSync('tar', ['-x', '-C', dir], { input: tar })
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'))
    const out = join(outDir, `${form}.json`)
    execFileSync(
      join(repo, 'node_modules/.bin/tsx'),
      [
        '--tsconfig',
        join(dir, 'tsconfig.web.json'),
        join(repo, 'scripts/db-fixtures/write-old-db.ts'),
        dir,
        out,
        form
      ],
      { cwd: dir, stdio: 'inherit' }
    )
    console.log(`${form}: ${commit} -> ${out}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
