import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { emitSchemas } from '../../../generator/src/emit/schemas/index.js'
import { loadModel } from '../../../generator/src/model/index.js'
import { generate, type GeneratedSchemas } from './harness.js'

const spec = (name: string) => fileURLToPath(new URL(`../../../spec/${name}`, import.meta.url))

// The real loader and model feed the emitter; the root tsc compiles the committed output
// (test/generated/<spec>/schemas.ts), and `npm test` checks it is not stale.
describe('spec/articles.yaml through the real loader', () => {
  let generated: GeneratedSchemas
  beforeAll(async () => {
    generated = await generate(await loadModel(spec('articles.yaml')), 'spec-articles')
  })

  it('matches the committed example output', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../generated/articles/schemas.ts', import.meta.url)), 'utf8')
    expect(generated.source.replace('spec-articles.yaml', 'articles.yaml')).toBe(committed)
  })

  it('validates list parameters as they arrive from a URL', () => {
    const query = generated.operationSchemas.listArticles!.query!
    expect(query.parse({ limit: '5', tag: ['a', 'b'] })).toEqual({ limit: 5, tag: ['a', 'b'] })
    expect(query.parse({})).toEqual({ limit: 20 })
    expect(query.safeParse({ limit: '500' }).success).toBe(false)
    expect(query.safeParse({ status: 'archived' }).success).toBe(false)
    expect(query.safeParse({ sort: 'title' }).success).toBe(false)
  })

  it('drops readOnly article fields from the create request and applies defaults', () => {
    const body = generated.operationSchemas.createArticle!.body!
    expect(body.required).toBe(true)
    const article = body.content['application/json']!
    expect(article.parse({ title: 'T', body: 'B' })).toEqual({ title: 'T', body: 'B', status: 'draft' })
    expect(article.safeParse({ title: '', body: 'B' }).success).toBe(false)
    const created = generated.operationSchemas.createArticle!.responses['201']!['application/json']!
    expect(created.safeParse({ id: 'a-1', title: 'T', body: 'B', createdAt: '2024-01-01T00:00:00Z' }).success).toBe(true)
  })

  it('validates path parameters against their pattern', () => {
    const path = generated.operationSchemas.getArticle!.path!
    expect(path.safeParse({ id: 'hello-1' }).success).toBe(true)
    expect(path.safeParse({ id: 'Hello World' }).success).toBe(false)
  })
})

describe('every spec in spec/', () => {
  const specs = readdirSync(fileURLToPath(new URL('../../../spec/', import.meta.url))).filter((f) => /\.(ya?ml|json)$/.test(f))
  it.each(specs)('%s emits deterministically', async (name) => {
    const model = await loadModel(spec(name))
    const first = emitSchemas(model, name)
    expect(emitSchemas(model, name)).toBe(first)
    expect(first).toContain('export const componentSchemas')
    for (const operation of model.operations) expect(first).toContain(`  ${operation.name}: {`)
  })
})
