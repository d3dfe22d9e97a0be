// Exact bytes over a socket to a real server on 127.0.0.1, served three ways: node:http and
// Express through toNodeHandler, Hono through app.fetch. Fetch and node:http clients normalize
// what these tests need raw: repeated header lines, absolute-form targets, tabs in field values.
import { createServer, type Server } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { toNodeHandler, type App } from '@gatehouse/server'
import express from 'express'
import { Hono } from 'hono'

/** A server on a loopback port and how to stop it. */
export interface Running {
  url: string
  port: number
  close(): Promise<void>
}

function listen(server: Server): Promise<Running> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port
      resolve({ url: `http://127.0.0.1:${port}`, port, close: () => new Promise<void>((r) => server.close(() => r())) })
    }),
  )
}

/** The three ways a gatehouse app is served in the tests. */
export const entryPoints: Record<string, (app: App) => Promise<Running>> = {
  'node:http': (app) => listen(createServer(toNodeHandler(app))),
  Express: (app) => {
    const e = express()
    e.use(toNodeHandler(app))
    return listen(createServer(e))
  },
  Hono: (app) => {
    const hono = new Hono().all('*', (c) => app.fetch(c.req.raw))
    return new Promise((resolve) => {
      const server = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve({ url: `http://127.0.0.1:${info.port}`, port: info.port, close: () => new Promise<void>((r) => server.close(() => r())) }),
      )
    })
  },
}

/** A response read off the socket: header names lower-cased, repeated lines kept apart. */
export interface RawResponse {
  status: number
  headers: [string, string][]
  body: string
}

/** The value of a header (repeated lines joined with `, `), or undefined. */
export function headerOf(res: RawResponse, name: string): string | undefined {
  const values = res.headers.filter(([n]) => n === name).map(([, v]) => v)
  return values.length === 0 ? undefined : values.join(', ')
}

function dechunk(body: Buffer): Buffer {
  const out: Buffer[] = []
  let at = 0
  for (;;) {
    const eol = body.indexOf('\r\n', at)
    if (eol === -1) break
    const size = parseInt(body.subarray(at, eol).toString('latin1'), 16)
    if (!(size > 0)) break
    out.push(body.subarray(eol + 2, eol + 2 + size))
    at = eol + 2 + size + 2
  }
  return Buffer.concat(out)
}

/**
 * Sends `head` (the request line and header lines, without the final empty line) and `body`
 * exactly as given, with `Connection: close`, and reads the whole response.
 */
export function rawRequest(port: number, head: string[], body: Buffer | string = ''): Promise<RawResponse> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  const lines = [...head, 'Connection: close']
  if (bytes.length > 0 && !head.some((l) => /^content-length:/i.test(l))) lines.push(`Content-Length: ${bytes.length}`)
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (c) => chunks.push(c))
    socket.on('error', reject)
    socket.on('end', () => {
      const all = Buffer.concat(chunks)
      const split = all.indexOf('\r\n\r\n')
      if (split === -1) return reject(new Error(`no response head in ${JSON.stringify(all.toString('latin1'))}`))
      const [statusLine, ...headerLines] = all.subarray(0, split).toString('latin1').split('\r\n')
      const headers = headerLines.map((l): [string, string] => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()])
      let rest: Buffer = all.subarray(split + 4)
      if (headers.some(([n, v]) => n === 'transfer-encoding' && /chunked/i.test(v))) rest = dechunk(rest)
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: rest.toString('utf8') })
    })
    socket.write(Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), bytes]))
  })
}
