// Building blocks of the IPC contract: a channel is a request schema plus a response type.
import type { z } from 'zod'

export type ChannelDef<Req, Res> = {
  request: z.ZodType<Req>
  /** Phantom: carries the response type only. */
  response?: Res
}

export function channel<Res>() {
  return <Req>(request: z.ZodType<Req>): ChannelDef<Req, Res> => ({ request })
}

export type IpcErrorCode =
  | 'unknown-channel'
  | 'untrusted-sender'
  | 'invalid-payload'
  | 'cancelled'
  | 'not-found'
  | 'refused'
  | 'failed'

export type IpcError = { code: IpcErrorCode; message: string; details?: unknown }

/** Every handler's answer crosses the bridge as this envelope, so errors keep their code and text. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }
