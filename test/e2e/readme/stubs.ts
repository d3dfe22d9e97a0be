// Stand-ins for an application's own storage and keys in the README examples.
import type { components } from '../../generated/articles/types.js'

type Article = components['schemas']['Article']

/** The HMAC key of the README's tokens. */
export const secret = new TextEncoder().encode('a secret of at least 32 bytes.....')

/** A storage layer, as far as the README's handlers need one. */
export const db = {
  insert: async (article: Omit<Article, 'id' | 'owner'> & { owner?: string | undefined }) => ({ ...article, id: 'a1', owner: article.owner ?? '' }),
  find: async (_id: string): Promise<(Article & { id: string }) | undefined> => undefined,
}

/** UI callbacks of the README's client example. */
export const ui = {
  show: (_id: string | undefined) => {},
  highlight: (_fields: { name: string; reason: string }[]) => {},
  signIn: (_realm: string | undefined) => {},
  requestAccess: (_scopes: string[]) => {},
  fail: (_status: number, _title: string | undefined) => {},
}
