// The renderer's way to main: typed calls through window.api that throw readable errors.
import type { Channel, MainEvent, MainEvents, RequestOf, ResponseOf } from '@shared/ipc/contract'
import type { IpcErrorCode } from '@shared/ipc/define'

export class IpcCallError extends Error {
  constructor(
    public readonly code: IpcErrorCode,
    message: string,
    public readonly details?: unknown
  ) {
    super(message)
    this.name = 'IpcCallError'
  }
}

export function hasApi(): boolean {
  return typeof window !== 'undefined' && typeof window.api?.invoke === 'function'
}

export async function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  if (!hasApi()) throw new IpcCallError('failed', 'The desktop bridge is not available in this window.')
  const result = await window.api.invoke(channel, request)
  if (result.ok) return result.value
  throw new IpcCallError(result.error.code, result.error.message, result.error.details)
}

export function onMainEvent<E extends MainEvent>(
  event: E,
  listener: (payload: MainEvents[E]) => void
): () => void {
  if (!hasApi()) return () => undefined
  return window.api.on(event, listener)
}
