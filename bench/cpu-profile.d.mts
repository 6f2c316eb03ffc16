// Types of cpu-profile.mjs for the TypeScript benchmarks.
import type { CDPSession } from '@playwright/test'

export function startProfile(cdp: CDPSession): Promise<void>
export function stopProfile(cdp: CDPSession, title: string, n?: number): Promise<void>
