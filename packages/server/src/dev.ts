import { safeParse, type $ZodType } from 'zod/v4/core'
import type { OperationDefinition } from './definition.js'
import { Outgoing } from './outgoing.js'

/** The reply's header values (repeated names joined with `, `, RFC 9110 §5.3) against their declared schemas. */
function checkHeaders(where: string, schema: $ZodType, headers: Iterable<readonly [string, string]>, logger: Logger): void {
  const values = new Map<string, string>()
  for (const [name, value] of headers) {
    const prior = values.get(name)
    values.set(name, prior === undefined ? value : `${prior}, ${value}`)
  }
  const result = safeParse(schema, Object.fromEntries(values))
  if (result.success) return
  const details = result.error.issues.map((i) => `  ${i.path.map(String).join('/')}: ${i.message} (sent ${JSON.stringify(values.get(String(i.path[0])))})`).join('\n')
  logger.error(`${where} with a header that does not match the spec:\n${details}`)
}

/** Where development-mode findings go (console by default). */
export type Logger = Pick<Console, 'error'>

/**
 * Development mode: checks a handler's reply against the spec (declared status, required
 * headers and the values of declared ones, media type and body schema) and logs every mismatch
 * loudly. The reply is sent unchanged.
 */
export function checkReply(name: string, op: OperationDefinition, out: Outgoing | Response, logger: Logger): void {
  const status = out.status
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in op.responses)
  const where = `gatehouse: ${name} (${op.method.toUpperCase()} ${op.path}) replied ${status}`
  if (key === undefined) {
    logger.error(`${where}, a status the spec does not declare for this operation`)
    return
  }
  const required = op.requiredHeaders?.[key]
  if (required) {
    const has = (name: string) => (out instanceof Outgoing ? out.headers.some(([n]) => n === name) : out.headers.has(name))
    const missing = required.filter((name) => !has(name))
    if (missing.length > 0) logger.error(`${where} without the header${missing.length > 1 ? 's' : ''} ${missing.join(', ')} that the spec marks required`)
  }
  const headerSchema = op.schemas?.headers?.[key]
  if (headerSchema) checkHeaders(where, headerSchema, out instanceof Outgoing ? out.headers : out.headers.entries(), logger)
  if (!(out instanceof Outgoing) || typeof out.body !== 'string') return
  const contentType = out.headers.find(([n]) => n === 'content-type')?.[1]?.split(';')[0]?.trim()
  const schemas = op.schemas?.responses?.[key]
  if (!schemas || contentType === undefined) return
  const schema = schemas[contentType]
  if (!schema) {
    const declared = Object.keys(schemas)
    if (declared.length > 0) logger.error(`${where} as ${contentType}; the spec declares ${declared.join(', ')}`)
    return
  }
  let body: unknown
  try {
    body = JSON.parse(out.body)
  } catch {
    return
  }
  const result = safeParse(schema, body)
  if (!result.success) {
    const details = result.error.issues.map((i) => `  #/${i.path.map(String).join('/')}: ${i.message}`).join('\n')
    logger.error(`${where} with a body that does not match the spec:\n${details}`)
  }
}
