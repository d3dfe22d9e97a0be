// The packed-install test's client side, compiled by tsc and run by plain node against the
// backend: a 401 with its challenge without a token, then 200 and 201 with one.
import { staticToken } from '@gatehouse/client'
import { createClient } from './api/index.js'

// No @types/node in a frontend project: argv through globalThis.
const baseUrl = (globalThis as { process?: { argv: string[] } }).process?.argv[2]
if (!baseUrl) throw new Error('usage: node build/smoke.js <backend url>')

function check(condition: boolean, what: string, got: unknown): void {
  if (!condition) throw new Error(`${what}: got ${JSON.stringify(got)}`)
  console.log(`ok: ${what}`)
}

const anonymous = createClient({ baseUrl })
const denied = await anonymous.getNote({ params: { path: { id: 'n1' } } })
check(denied.status === 401, 'no token: 401', denied.status)
if (denied.status === 401) {
  const [challenge] = denied.challenges
  check(challenge?.scheme === 'bearer' && challenge.params.realm === 'notes', 'no token: Bearer challenge with realm "notes"', denied.challenges)
}

const api = createClient({ baseUrl, auth: { bearerAuth: staticToken('packed-install-token') } })
const note = await api.getNote({ params: { path: { id: 'n1' } } })
check(note.ok && note.data.text === 'hello from the packed server', 'with the token: 200 and the note', note.ok ? note.data : note.status)
const created = await api.createNote({ body: { text: 'written through the packed client' } })
check(created.status === 201 && created.data.text === 'written through the packed client', 'with the token: 201 and the new note', created.ok ? created.data : created.status)
const invalid = await api.createNote({ body: { text: '' } })
check(invalid.status === 400 && invalid.invalidParams.some((p) => p.name === 'text'), 'an empty text: 400 naming "text"', invalid.status === 400 ? invalid.invalidParams : invalid.status)
