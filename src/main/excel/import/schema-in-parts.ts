// A zod schema checked in parts: the elements of the long arrays (a plan's rows, an entry's changes)
// as they are parsed, the rest once the whole value is there. Checking a 100,000-row backup whole
// took 0.5-0.75 s after its last part came; now only the few values outside those arrays wait for it.
// The whole check is the same: each element against its array's element schema, each array's length
// against the array's own checks, and everything else against the full schema.
import { z } from 'zod'

type Path = readonly (string | number)[]

/** The schema at `path` inside `schema` (optional and nullable unwrapped); null where it is not known. */
function schemaAt(schema: z.ZodType, path: Path): z.ZodType | null {
  let at: z.ZodType = schema
  for (const step of path) {
    while (at instanceof z.ZodOptional || at instanceof z.ZodNullable) at = at.unwrap() as z.ZodType
    if (typeof step === 'number' && at instanceof z.ZodArray) at = at.element as z.ZodType
    else if (typeof step === 'string' && at instanceof z.ZodObject) {
      const shape = at.shape as Record<string, z.ZodType>
      if (!Object.hasOwn(shape, step)) return null
      at = shape[step]!
    } else return null
  }
  while (at instanceof z.ZodOptional || at instanceof z.ZodNullable) at = at.unwrap() as z.ZodType
  return at
}

type Checked = {
  /** An array of the elements (a call per batch: one per element cost twice as much). */
  elements: z.ZodType
  /** The array's own checks (its length) on elements already checked. */
  length: z.ZodType
}

export class SchemaInParts {
  /** Path with indexes as '*' → the array's schemas, or null when its elements wait for the whole. */
  private bySchemaPath = new Map<string, Checked | null>()
  /** Arrays whose elements were checked as they came (by their exact path), and how many there were. */
  private checked = new Map<string, { path: Path; length: z.ZodType; count: number }>()

  constructor(private readonly schema: z.ZodType) {}

  /**
   * Checks elements of the array at `path` as parsed: 'checked' (they need not be kept), 'refused'
   * (one of them is not valid), or 'later' for an array the schema does not describe as one (kept
   * for the check of the whole).
   */
  batch(path: Path, items: readonly unknown[]): 'checked' | 'refused' | 'later' {
    const key = path.map((s) => (typeof s === 'number' ? '*' : JSON.stringify(s))).join('/')
    let found = this.bySchemaPath.get(key)
    if (found === undefined) {
      const at = schemaAt(this.schema, path)
      found =
        at instanceof z.ZodArray
          ? {
              elements: z.array(at.element as z.ZodType),
              length: z.array(z.unknown()).check(...((at.def.checks ?? []) as z.core.$ZodCheck<unknown[]>[]))
            }
          : null
      this.bySchemaPath.set(key, found)
    }
    // An array the schema does not describe as one is checked with the whole value.
    if (!found) return 'later'
    const exact = JSON.stringify(path)
    const seen = this.checked.get(exact)
    if (seen) seen.count += items.length
    else this.checked.set(exact, { path, length: found.length, count: items.length })
    return found.elements.safeParse(items).success ? 'checked' : 'refused'
  }

  /**
   * Checks the whole value: the arrays checked in batches for their length only (as counted: their
   * elements may have been dropped), the rest in full.
   */
  whole(value: unknown): boolean {
    const held: { parent: Record<string | number, unknown>; key: string | number; items: unknown }[] = []
    try {
      for (const { path, length, count } of this.checked.values()) {
        let parent: unknown = value
        for (const step of path.slice(0, -1))
          parent = (parent as Record<string | number, unknown> | null | undefined)?.[step]
        const key = path[path.length - 1]!
        const p = parent as Record<string | number, unknown>
        const items = p[key]
        if (!Array.isArray(items) || !length.safeParse(new Array(count)).success) return false
        held.push({ parent: p, key, items })
        p[key] = []
      }
      return this.schema.safeParse(value).success
    } finally {
      for (const { parent, key, items } of held) parent[key] = items
    }
  }
}
