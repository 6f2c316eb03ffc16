// The database's storage: asks Chromium to keep it (never evict it under disk pressure) and
// reports its size and whether it is kept, for Help > About.

/** Asks once at start that the database be persistent; resolves to whether it is. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage?.persist) return false
  try {
    return (await storage.persisted()) || (await storage.persist())
  } catch {
    return false
  }
}

export type StorageFacts = {
  /** Bytes used by this origin (IndexedDB and the rest), as Chromium estimates them. */
  usage: number | null
  quota: number | null
  persisted: boolean
}

export async function storageFacts(): Promise<StorageFacts> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage?.estimate) return { usage: null, quota: null, persisted: false }
  const [estimate, persisted] = await Promise.all([
    storage.estimate().catch(() => ({}) as StorageEstimate),
    storage.persisted().catch(() => false)
  ])
  return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted }
}
