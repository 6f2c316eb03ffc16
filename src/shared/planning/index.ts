// Public API of the planning model and its math. Import from 'src/shared/planning' (this
// barrel); testing.ts (small fixtures for tests) is deliberately not re-exported.
export * from './types'
export * from './errors'
export * from './quarters'
export * from './ids'
export * from './changes'
export * from './moves'
export * from './validate'
export * from './utilization'
export * from './budget'
