// `npm run bench -- validation [rounds]`: validation throughput of the generated zod schemas
// (test/generated/articles/schemas.ts) against Ajv 8's compiled validator on the same JSON Schema
// (spec/articles.yaml's components, with ajv-formats), on
//   body   the server bench's POST /articles body, against createArticle's request body schema;
//   1 MB   a ~1 MB `{ items: Article[] }`, against listArticles' 200 response schema.
// Both sides are warmed up, then rounds alternate them; the figure is the median per round and
// the ratio is gatehouse time / Ajv time (1.0 = as fast as Ajv). Prints; asserts nothing.
// zod schemas do more than Ajv here: they build the output (defaults applied, readOnly fields
// stripped from requests), which is what the server hands to handlers.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'
import { operationSchemas } from '../test/generated/articles/schemas.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const rounds = Number(process.argv[2] ?? 7)

const spec = parse(readFileSync(`${root}spec/articles.yaml`, 'utf8')) as { components: { schemas: Record<string, unknown> } }
const ajv = new Ajv2020({ strict: false, allErrors: false })
;(addFormats as unknown as (a: Ajv2020) => void)(ajv)
ajv.addSchema({ $id: 'articles', components: spec.components })
const ref = (name: string) => ({ $ref: `articles#/components/schemas/${name}` })

// The request schema without the readOnly properties, as OpenAPI says a request is validated.
const request = ajv.compile({
  allOf: [ref('Article')],
  not: { anyOf: [{ required: ['id'] }, { required: ['owner'] }, { required: ['createdAt'] }] },
})
const list = ajv.compile({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('Article') } } })

const body = { title: 'Hello', body: 'A short article body', status: 'draft', tags: ['news', 'bench'] }
const items: unknown[] = []
for (let size = 0, i = 0; size < 1_000_000; i++) {
  const article = {
    id: `article-${i}`,
    title: `Article number ${i}`,
    body: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.',
    status: i % 2 ? 'draft' : 'published',
    tags: ['news', `tag-${i % 7}`],
    owner: `user-${i % 13}`,
    createdAt: '2024-05-06T07:08:09Z',
  }
  size += JSON.stringify(article).length + 1
  items.push(article)
}
const large = { items }

// operationSchemas is typed per entry, not per operation (a declared type keeps tsc cheap on large specs).
const zodRequest = operationSchemas.createArticle!.body!.content['application/json']!
const zodList = operationSchemas.listArticles!.responses['200']!['application/json']!

interface Case {
  name: string
  iterations: number
  gatehouse: () => boolean
  ajv: () => boolean
}

const cases: Case[] = [
  { name: 'server bench body', iterations: 20_000, gatehouse: () => zodRequest.safeParse(body).success, ajv: () => request(body) },
  { name: `1 MB array (${items.length} objects)`, iterations: 5, gatehouse: () => zodList.safeParse(large).success, ajv: () => list(large) },
]

function time(run: () => boolean, iterations: number): number {
  const start = performance.now()
  for (let i = 0; i < iterations; i++) if (!run()) throw new Error('a valid value was rejected')
  return (performance.now() - start) / iterations
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const format = (ms: number) => (ms < 0.1 ? `${(ms * 1000).toFixed(2)} µs` : `${ms.toFixed(2)} ms`)

console.log(`validation: generated zod vs Ajv 8 (compiled), ${rounds} alternated rounds, medians`)
for (const c of cases) {
  time(c.gatehouse, c.iterations)
  time(c.ajv, c.iterations)
  const ours: number[] = []
  const theirs: number[] = []
  for (let round = 0; round < rounds; round++) {
    ours.push(time(c.gatehouse, c.iterations))
    theirs.push(time(c.ajv, c.iterations))
  }
  const [g, a] = [median(ours), median(theirs)]
  console.log(`  ${c.name.padEnd(30)} gatehouse ${format(g).padStart(10)}   ajv ${format(a).padStart(10)}   ratio ${(g / a).toFixed(1)}×`)
}
