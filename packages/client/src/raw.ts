import createFetchClient, { type Client as FetchClient } from 'openapi-fetch'
import type { selectCredentials } from './auth/credentials.js'
import type { OperationInfo, createCore } from './client.js'
import type { mergeHeaders } from './request/headers.js'

/** The openapi-fetch client of `api.raw`: path-style calls (`api.raw.GET('/articles/{id}', …)`) through the same credentials, renewal and retries. */
export type RawClient<Paths extends {}> = FetchClient<Paths>

/**
 * Builds `api.raw`: openapi-fetch for URL and body building and its result
 * shape, with a `fetch` that runs our exchange. A middleware notes each
 * request's path template, which names the operation and so its security.
 */
export function createRawClient(
  core: ReturnType<typeof createCore>,
  operations: Readonly<Record<string, OperationInfo>>,
  // Handed over by the client rather than imported: an import would make these first-load modules a chunk of their own, shared with this one.
  select: typeof selectCredentials,
  merge: typeof mergeHeaders,
): RawClient<{}> {
  const byRoute = new Map<string, OperationInfo>()
  for (const name in operations) byRoute.set(operations[name]!.method.toUpperCase() + ' ' + operations[name]!.path, operations[name]!)
  const routes = new WeakMap<Request, OperationInfo>()
  const client = createFetchClient<{}>({
    baseUrl: core.baseUrl,
    fetch: async (request) => {
      const op = routes.get(request) ?? { method: request.method, path: '', security: [], credentialsExchange: false }
      const headers = merge({ ...core.baseHeaders }, request.headers)
      const operation = request.method + ' ' + (op.path || request.url)
      const body = request.body ? await request.arrayBuffer() : undefined
      return (await core.exchange(operation, op, request.method, select(op.security, core.bound), request.url, headers, { body, replayable: true }, request.signal, undefined)).res
    },
  })
  client.use({
    onRequest({ request, schemaPath }) {
      const op = byRoute.get(request.method + ' ' + schemaPath)
      if (op) routes.set(request, op)
    },
  })
  return client
}
