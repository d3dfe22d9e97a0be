import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeHandler, type App, type CorsOptions } from '@gatehouse/server'
import { createServer, type Authenticators, type Handlers } from '../../generated/articles/server.js'
import type { components } from '../../generated/articles/types.js'

type Article = Required<components['schemas']['Article']>

/** The articles API of spec/articles.yaml, in memory; tokens come from elsewhere, so `/authorize` is not offered. */
export function articlesHandlers(seed: Article[] = []): Handlers {
  const articles = new Map(seed.map((a) => [a.id, a]))
  return {
    authorize: (_context, reply) => reply.oauthError('unsupported_grant_type'),
    listArticles: ({ principal }, reply) =>
      reply.ok({ items: [...articles.values()].filter((a) => a.status === 'published' || a.owner === principal?.subject) }),
    createArticle: ({ body, principal }, reply) => {
      const id = `article-${articles.size + 1}`
      const article: Article = { ...body, id, tags: body.tags ?? [], owner: principal.subject ?? '', createdAt: new Date().toISOString() }
      articles.set(id, article)
      return reply.created(article, { headers: { location: `/articles/${id}` } })
    },
    getArticle: ({ params, principal }, reply) => {
      const article = articles.get(params.path.id)
      if (!article || (article.status === 'draft' && article.owner !== principal.subject)) return reply.hidden()
      return reply.ok(article)
    },
    deleteArticle: ({ params }, reply) => (articles.delete(params.path.id) ? reply.noContent() : reply.hidden()),
  }
}

/** A published article, for tests that read before they write. */
export const publishedArticle: Article = {
  id: 'hello',
  title: 'Hello',
  body: 'Published for everyone.',
  status: 'published',
  tags: [],
  owner: 'mary',
  createdAt: '2026-01-01T00:00:00.000Z',
}

/** A running generated articles server on 127.0.0.1. */
export interface RunningApi {
  baseUrl: string
  close(): Promise<void>
}

/** Serves the generated articles server (committed in test/generated/articles) with node:http on a free loopback port. */
export async function startArticlesApi(
  authenticate: Authenticators,
  options: { cors?: CorsOptions; /** Stands between the app and the wire (a proxy that rewrites headers). */ wrap?: (app: App) => App } = {},
): Promise<RunningApi> {
  const app = createServer({ authenticate, handlers: articlesHandlers([publishedArticle]), cors: options.cors })
  const http = createHttpServer(toNodeHandler(options.wrap ? options.wrap(app) : app))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  return {
    baseUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections()
        http.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
