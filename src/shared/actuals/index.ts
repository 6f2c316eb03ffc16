// Plan against actual: reading bookings, the cost-centre table, aggregates and their math.
export * from './types'
export * from './mapping'
export * from './bookings'
export * from './merge'
export * from './target'
export * from './variance'
export * from './currency'
