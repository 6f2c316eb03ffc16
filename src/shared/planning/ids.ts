// Entity ids: random UUIDs from the Web Crypto API, which Node 20 and browsers both expose
// on globalThis, so this file needs no node: import and runs in the renderer too.

export function newId(): string {
  return globalThis.crypto.randomUUID()
}
