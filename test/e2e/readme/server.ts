// The README's server example, type-checked by `npm test` so the README cannot lie.
import { toNodeHandler } from '@gatehouse/server'
import { jwtVerify } from 'jose'
import { createServer as listen } from 'node:http'
import { createServer, type Handlers } from '../../generated/articles/server.js'
import { db, secret } from './stubs.js'

const theOtherThree: Pick<Handlers, 'authorize' | 'listArticles' | 'deleteArticle'> = {
  authorize: (_context, reply) => reply.invalidGrant(),
  listArticles: async (_context, reply) => reply.ok({ items: [] }),
  deleteArticle: async (_context, reply) => reply.noContent(),
}

// readme:server
const app = createServer({
  authenticate: {
    oauth2: async (token) => {
      try {
        const { payload } = await jwtVerify(token, secret)
        return { subject: payload.sub, scopes: String(payload.scope).split(' ') }
      } catch {
        return undefined // invalid or expired → 401 with error="invalid_token"
      }
    },
    bearerAuth: async () => undefined, // the partner scheme: no partner yet
  },
  handlers: {
    // Runs only after the token was verified, the scope checked and the body validated.
    createArticle: async ({ body, principal }, reply) => {
      const article = await db.insert({ ...body, owner: principal.subject })
      return reply.created(article, { headers: { location: `/articles/${article.id}` } })
    },
    getArticle: async ({ params, principal }, reply) => {
      const article = await db.find(params.path.id)
      if (!article || (article.status === 'draft' && article.owner !== principal.subject)) return reply.hidden()
      return reply.ok(article) // reply.created(article) would not compile: getArticle declares no 201
    },
    ...theOtherThree, // authorize, listArticles, deleteArticle: leaving one out does not compile
  },
})
// readme:end

listen(toNodeHandler(app)).listen(8080)

// What the README says does not compile, does not.
const { deleteArticle: _left, ...missingOne } = theOtherThree
const verifiers = { oauth2: async () => undefined, bearerAuth: async () => undefined }
createServer({
  authenticate: verifiers,
  // @ts-expect-error deleteArticle has no handler
  handlers: { createArticle: theOtherThree.listArticles as never, getArticle: theOtherThree.listArticles as never, ...missingOne },
})
/** A handler answering with a status its operation does not declare: a compile error. */
export const wrongStatus: Handlers['getArticle'] = async ({ params }, reply) =>
  // @ts-expect-error getArticle declares no 201
  reply.created((await db.find(params.path.id))!)
