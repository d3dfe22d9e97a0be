// The packed-install test's frontend page, built by `vite build`: one call of the generated
// client (--target client), through index.ts, which must bring no zod into the first chunk.
import { createClient } from './api/index.js'

const api = createClient({ baseUrl: '/api', auth: { bearerAuth: { getToken: async () => sessionStorage.getItem('token') ?? undefined } } })
const out = document.querySelector('#note')!
void api.getNote({ params: { path: { id: 'n1' } } }).then((r) => {
  if (r.ok) out.textContent = r.data.text
  else if (r.status === 401) out.textContent = `sign in (${r.challenges[0]?.params.realm ?? 'no realm'})`
  else out.textContent = `failed: ${r.status}`
})
