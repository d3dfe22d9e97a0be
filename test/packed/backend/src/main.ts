// The packed-install test's backend: the generated server (--target server) on 127.0.0.1,
// compiled by tsc and run by plain node. Prints its URL on the first line of stdout.
import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeHandler } from '@gatehouse/server'
import { createServer } from './api/index.js'

const TOKEN = 'packed-install-token'
const notes = new Map([['n1', { id: 'n1', text: 'hello from the packed server' }]])

const app = createServer({
  authenticate: {
    bearerAuth: async (token) => (token === TOKEN ? { subject: 'tester', scopes: [] } : undefined),
  },
  handlers: {
    getNote: async ({ params }, reply) => {
      const note = notes.get(params.path.id)
      return note ? reply.ok(note) : reply.hidden()
    },
    createNote: async ({ body }, reply) => {
      const note = { id: `n${notes.size + 1}`, text: body.text }
      notes.set(note.id, note)
      return reply.created(note)
    },
  },
})

const server = createHttpServer(toNodeHandler(app))
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
// The test stops the server by closing stdin (no signals needed across platforms).
process.stdin.resume()
process.stdin.on('end', () => server.close())
