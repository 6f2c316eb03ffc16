// Types of task-trace.mjs for the TypeScript benchmarks.
import type { CDPSession, Page } from '@playwright/test'

export type TraceEvent = Record<string, unknown>
export function startTrace(cdp: CDPSession): Promise<void>
export function markClock(page: Page, name: string): Promise<number>
export function stopTrace(cdp: CDPSession): Promise<TraceEvent[]>
export function printLongTasks(
  events: TraceEvent[],
  longTasks: [number, number][],
  mark: { name: string; at: number },
  title: string
): void
