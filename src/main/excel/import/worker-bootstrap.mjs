// Starts the TypeScript parse worker from sources (tests, CLI, e2e harness): registers tsx
// in this worker thread, then loads worker.ts. The built app starts its bundled worker directly.
import { register } from 'tsx/esm/api'

register()
await import(new URL('./worker.ts', import.meta.url).href)
