import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lintLoaded, ruleIds } from '../../generator/src/lint/index.js'
import { getAt } from '../../generator/src/load/pointer.js'
import { loadDocumentFromText } from '../../generator/src/load/index.js'

// Random small specs mixing every construct the rules look at, including mistakes
// (an undeclared scheme "ghost", an undeclared scope "zz", misleading descriptions).
const schemeNames = ['oauth2', 'bearer', 'basic', 'key', 'mtls', 'ghost'] as const
const declaredSchemes = {
  oauth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/token', scopes: { a: 'A', b: 'B', c: 'C' } } } },
  bearer: { type: 'http', scheme: 'bearer' },
  basic: { type: 'http', scheme: 'basic' },
  key: { type: 'apiKey', in: 'header', name: 'X-Key' },
  mtls: { type: 'mutualTLS' },
}
const requirement = fc.dictionary(fc.constantFrom(...schemeNames), fc.subarray(['a', 'b', 'zz']), { maxKeys: 2 })
const security = fc.option(fc.array(requirement, { maxLength: 3 }), { nil: undefined })
const descriptions = ['Bad Request', 'Invalid or expired token', 'Missing or invalid credentials', 'Forbidden', 'Not found', 'Wrong username or password', 'error_description is included', 'Malformed request (two tokens)']
const response = fc.record(
  {
    description: fc.constantFrom(...descriptions),
    headers: fc.constantFrom(undefined, { 'WWW-Authenticate': { schema: { type: 'string' } } }),
    content: fc.constantFrom(undefined, { 'application/json': { schema: { type: 'object' } } }, { 'application/problem+json': { schema: { type: 'object' } } }),
  },
  { requiredKeys: ['description'] },
)
const operation = fc.record(
  {
    security,
    'x-hide-forbidden': fc.boolean(),
    'x-credentials-exchange': fc.boolean(),
    responses: fc.dictionary(fc.constantFrom('200', '400', '401', '403', '404', '4XX', 'default'), response, { minKeys: 1 }),
  },
  { requiredKeys: ['responses'] },
)
const spec = fc.record({
  security,
  paths: fc.dictionary(fc.constantFrom('/things', '/things/{id}', '/login'), fc.dictionary(fc.constantFrom('get', 'post', 'delete'), operation, { minKeys: 1 }), { minKeys: 1 }),
})

type Generated = typeof spec extends fc.Arbitrary<infer T> ? T : never

function toDocument(generated: Generated): Record<string, unknown> {
  const paths: Record<string, unknown> = {}
  for (const [path, item] of Object.entries(generated.paths)) {
    paths[path] = path.includes('{id}') ? { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], ...item } : item
  }
  return {
    openapi: '3.1.0',
    info: { title: 'random', version: '1' },
    ...(generated.security === undefined ? {} : { security: generated.security }),
    paths,
    components: { securitySchemes: declaredSchemes },
  }
}

describe('lint on random specs', () => {
  it('never throws; every finding is well-formed, located and points into the document; output is deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (generated) => {
        const text = JSON.stringify(toDocument(generated), null, 1)
        const loaded = await loadDocumentFromText(text, 'random.json')
        const { findings } = lintLoaded(loaded)
        for (const finding of findings) {
          expect(ruleIds).toContain(finding.rule)
          expect(['error', 'warning']).toContain(finding.severity)
          expect(finding.message).not.toMatch(/\n/)
          expect(finding.fix).not.toMatch(/\n/)
          expect(getAt(loaded.document, finding.pointer), finding.pointer).toBeDefined()
          expect(finding.location, finding.pointer).toBeDefined()
        }
        expect(lintLoaded(await loadDocumentFromText(text, 'random.json')).findings).toEqual(findings)
      }),
      { numRuns: 150 },
    )
  })
})
