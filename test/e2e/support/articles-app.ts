import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeHandler, type App, type CorsOptions } from '@gatehouse/server'
import { createServer, type Authenticators, type Handlers } from '../../generated/articles/server.js'
import { articlesStore, type Article } from '../../../scripts/articles-memory.js'

/** The articles API of spec/articles.yaml, in memory; tokens come from elsewhere, so `/authorize` is not offered. */
export function articlesHandlers(seed: Article[] = []): Handlers {
  return { authorize: (_context, reply) => reply.oauthError('unsupported_grant_type'), ...articlesStore(seed) }
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
