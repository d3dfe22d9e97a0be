// A small node:http server on 127.0.0.1 for client tests: each test routes
// requests itself and sees every request exactly as it arrived (body bytes included).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: Buffer
}

export type Route = (req: Seen, res: ServerResponse) => unknown

export interface TestServer {
  url: string
  seen: Seen[]
  route: Route
  close(): Promise<void>
}

/** Starts a server whose behaviour is whatever `server.route` is at request time. */
export async function startServer(route: Route = (_req, res) => res.writeHead(404).end()): Promise<TestServer> {
  const seen: Seen[] = []
  const state: TestServer = { url: '', seen, route, close: async () => {} }
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const s: Seen = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) }
    seen.push(s)
    try {
      await state.route(s, res)
    } catch (e) {
      if (!res.headersSent) res.writeHead(500).end(String(e))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return state
}

/** Writes a JSON (or problem+json) response. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const type = headers['content-type'] ?? (status >= 400 && body && typeof body === 'object' && !('error' in body) ? 'application/problem+json' : 'application/json')
  res.writeHead(status, { ...headers, 'content-type': type }).end(JSON.stringify(body))
}

/** The bearer token a request carried, if any. */
export function bearer(req: Seen): string | undefined {
  const h = req.headers.authorization
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined
}
