// Validates a request against the contract, then runs the handler. Used by main's ipcMain
// wrapper and by the end-to-end harness, so both refuse the same bad payloads.
import type { Channel, RequestOf, ResponseOf } from './contract'
import { contract } from './contract'
import type { IpcResult } from './define'

export type HandlerContext = {
  /** Sends a one-way event back to the window that asked (progress and the like). */
  emit: (event: 'progress', payload: { taskId: string; stage: string; done: number; total: number }) => void
}

export type Handler<C extends Channel> = (
  request: RequestOf<C>,
  ctx: HandlerContext
) => Promise<ResponseOf<C>> | ResponseOf<C>
export type Handlers = { [C in Channel]: Handler<C> }

/** An error a handler throws on purpose: its code and message reach the user as they are. */
export class HandlerError extends Error {
  constructor(
    public readonly code: 'refused' | 'not-found' | 'cancelled' | 'failed',
    message: string,
    public readonly details?: unknown
  ) {
    super(message)
  }
}

export function createDispatcher(handlers: Partial<Handlers>) {
  return async function dispatch(
    channelName: string,
    payload: unknown,
    ctx: HandlerContext
  ): Promise<IpcResult<unknown>> {
    if (!Object.hasOwn(contract, channelName)) {
      return { ok: false, error: { code: 'unknown-channel', message: `Unknown channel "${channelName}".` } }
    }
    const name = channelName as Channel
    const parsed = contract[name].request.safeParse(payload)
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.length ? i.path.join('.') : 'request'}: ${i.message}`)
        .join('; ')
      return {
        ok: false,
        error: { code: 'invalid-payload', message: `Invalid request for "${name}": ${issues}` }
      }
    }
    const handler = handlers[name] as Handler<Channel> | undefined
    if (!handler) {
      return { ok: false, error: { code: 'unknown-channel', message: `No handler for "${name}".` } }
    }
    try {
      const value = await handler(parsed.data as never, ctx)
      return { ok: true, value }
    } catch (err) {
      if (err instanceof HandlerError) {
        return { ok: false, error: { code: err.code, message: err.message, details: err.details } }
      }
      const message = err instanceof Error ? err.message : String(err)
      return { ok: false, error: { code: 'failed', message } }
    }
  }
}
