import { problemJson, statusText } from '@gatehouse/http-auth'

/** A header list that keeps repeated names apart, so each challenge gets its own `WWW-Authenticate` line. */
export type HeaderList = [name: string, value: string][]

/**
 * A response before it becomes a `Response` (or is written to node:http directly):
 * building undici `Response` objects costs more than the rest of the pipeline.
 */
export class Outgoing {
  constructor(
    public status: number,
    public headers: HeaderList,
    public body: string | Uint8Array | ReadableStream<Uint8Array> | Blob | null,
  ) {}
}

/** The reason phrase used as a problem `title` (RFC 9110 §15). */
export function reasonPhrase(status: number): string {
  return statusText(status) || `HTTP ${status}`
}

/** Problem members beyond the standard ones (RFC 9457 §3.2). */
export type ProblemFields = { type?: string; title?: string; detail?: string | undefined; instance?: string } & Record<string, unknown>

/** An `application/problem+json` response (RFC 9457, serialized by http-auth); undefined members are dropped. */
export function problemOut(status: number, fields: ProblemFields = {}, headers: HeaderList = []): Outgoing {
  const body = problemJson({ ...fields, status, type: fields.type ?? 'about:blank', title: fields.title ?? reasonPhrase(status) })
  return new Outgoing(status, [['content-type', 'application/problem+json'], ...headers], body)
}

/** Turns headers given by a caller (`HeadersInit`) into a list that keeps repeated names. */
export function toHeaderList(init: HeadersInit | undefined): HeaderList {
  if (!init) return []
  if (Array.isArray(init)) return init.map(([k, v]) => [String(k).toLowerCase(), String(v)])
  if (init instanceof Headers) return [...init].map(([k, v]) => [k, v])
  return Object.entries(init).map(([k, v]) => [k.toLowerCase(), String(v)])
}

/** The Web `Response` of an `Outgoing`; repeated header names are appended, which fetch joins with `, `. */
export function toResponse(out: Outgoing, headOnly = false): Response {
  const headers = new Headers()
  for (const [name, value] of out.headers) headers.append(name, value)
  return new Response(headOnly ? null : (out.body as BodyInit | null), { status: out.status, headers })
}
