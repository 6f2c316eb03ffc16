// The packed layout of the big plan tables (see rows.ts, the only module that reads or writes
// them): rows grouped into one record per (table, plan, bucket). Kept apart from rows.ts so the
// schema's upgrade (db.ts) packs rows with the very same code.

/** Tables stored packed: the two that reach 100,000s of rows in one plan. */
export const PACKED_TABLES = ['allocations', 'budgetLines'] as const
export type PackedTable = (typeof PACKED_TABLES)[number]

/**
 * Buckets per plan and table. Never change it: a row's bucket is found from its id alone, so a
 * database written with one count is unreadable with another. 256 keeps a bucket of the 10x plan
 * (200,000 allocations) near 800 rows, and an edit's rewrite of its bucket short.
 */
export const PACK_BUCKETS = 256

/** One record of a packed table: the rows of one plan whose ids hash to `bucket`. */
export type RowPack = {
  table: PackedTable
  planId: string
  bucket: number
  rows: { id: string; planId: string }[]
}

/** The bucket of a row id: 32-bit FNV-1a of its UTF-16 code units, modulo PACK_BUCKETS. Stable. */
export function bucketOf(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0) % PACK_BUCKETS
}

/** Rows (of one plan or several) grouped into their packs. */
export function packRows(table: PackedTable, rows: readonly { id: string; planId: string }[]): RowPack[] {
  const packs = new Map<string, RowPack>()
  for (const r of rows) {
    const bucket = bucketOf(r.id)
    const k = `${r.planId}\u0000${bucket}`
    const p = packs.get(k)
    if (p) p.rows.push(r)
    else packs.set(k, { table, planId: r.planId, bucket, rows: [r] })
  }
  for (const p of packs.values()) p.rows.sort(byId)
  return [...packs.values()]
}

/** Rows of a pack are kept in id order: its content depends on its rows alone, not on the writes. */
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
