// The articles API of spec/articles.yaml, in memory: shared by `npm run demo` and the end-to-end tests.
// Types only from the committed generated code, so the demo can serve it through its freshly generated server.
import type { Handlers } from '../test/generated/articles/server.js'
import type { components } from '../test/generated/articles/types.js'

export type Article = Required<components['schemas']['Article']>

/** Every operation but `/authorize`, which depends on where tokens come from and is the caller's. */
export function articlesStore(seed: Article[] = []): Omit<Handlers, 'authorize'> {
  const articles = new Map(seed.map((a) => [a.id, a]))
  return {
    listArticles: ({ params, principal }, reply) => {
      const visible = [...articles.values()].filter((a) => a.status === 'published' || a.owner === principal?.subject)
      const items = visible.filter((a) => !params.query.status || a.status === params.query.status)
      return reply.ok({ items: items.slice(0, params.query.limit ?? 20) })
    },
    createArticle: ({ body, principal }, reply) => {
      const base = body.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'article'
      const id = articles.has(base) ? `${base}-${articles.size + 1}` : base
      const article: Article = { ...body, id, tags: body.tags ?? [], owner: principal.subject ?? '', createdAt: new Date().toISOString() }
      articles.set(id, article)
      return reply.created(article, { headers: { location: `/articles/${id}` } })
    },
    getArticle: ({ params, principal }, reply) => {
      const article = articles.get(params.path.id)
      // Someone else's draft answers exactly like a missing article (x-hide-forbidden).
      if (!article || (article.status === 'draft' && article.owner !== principal.subject)) return reply.hidden()
      return reply.ok(article)
    },
    deleteArticle: ({ params }, reply) => (articles.delete(params.path.id) ? reply.noContent() : reply.hidden()),
  }
}
