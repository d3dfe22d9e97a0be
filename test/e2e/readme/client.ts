// The README's client example, type-checked by `npm test` so the README cannot lie.
import { refreshTokenGrant } from '@gatehouse/client'
import { createClient } from '../../generated/articles/client.js'
import { ui } from './stubs.js'

declare const refreshToken: string

// readme:client
const api = createClient({
  baseUrl: 'https://api.example.com',
  // After a 401 invalid_token: one refresh at the token endpoint, then one replay.
  auth: { oauth2: refreshTokenGrant({ tokenEndpoint: 'https://api.example.com/authorize', clientId: 'web', refreshToken }) },
})

const r = await api.createArticle({ body: { title: 'Hello', body: '…', status: 'draft' } })
switch (r.status) {
  case 201: ui.show(r.data.id); break                       // r.data: Article
  case 400: ui.highlight(r.invalidParams); break            // [{ name: 'title', reason: 'is required', in: 'body', pointer: '#/title' }]
  case 401: ui.signIn(r.challenges[0]?.params.realm); break // Bearer realm="example" (refresh failed or no token)
  case 403: ui.requestAccess(r.requiredScopes); break       // ['articles:write']
  default: ui.fail(r.status, r.problem?.title)              // r.status: every other 4xx/5xx, typed
}
// readme:end
