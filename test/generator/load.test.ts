import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { GatehouseError, type GatehouseErrorCode } from '../../generator/src/errors.js'
import { loadDocument, loadDocumentFromText } from '../../generator/src/load/index.js'
import { loadModel } from '../../generator/src/model/index.js'
import { fixtures } from './helpers.js'

const fixture = (name: string) => fileURLToPath(new URL(name, fixtures))

describe('loading errors', () => {
  // [fixture, code, what the one line must say, line, column]
  const cases: [string, GatehouseErrorCode, RegExp, number | undefined, number | undefined][] = [
    ['errors/missing.yaml', 'unreadable-file', /cannot read the document: no such file/, undefined, undefined],
    ['errors/yaml-syntax.yaml', 'syntax-error', /^YAML syntax error: /, 8, 1],
    ['errors/json-syntax.json', 'syntax-error', /^JSON syntax error: /, 6, 3],
    ['errors/dangling-ref.yaml', 'dangling-ref', /"#\/components\/parameters\/Missing".*used at #\/paths\/~1a\/get\/parameters\/0/, 8, 11],
    ['errors/dangling-external-ref.yaml', 'dangling-ref', /"\.\/does-not-exist\.yaml#\/Ok": cannot read .*does-not-exist\.yaml \(no such file\)/, 9, 11],
    ['errors/undeclared-scheme.yaml', 'undeclared-scheme', /"apiKey".*declared: bearerAuth/, 9, 19],
    ['errors/swagger2.yaml', 'unsupported-version', /Swagger 2\.0 is not supported.*npx swagger2openapi/, 1, 10],
    ['errors/unsupported-version.yaml', 'unsupported-version', /openapi "4\.0\.0".*3\.0\.x and 3\.1\.x/, 1, 10],
    ['errors/duplicate-operation-id.yaml', 'duplicate-operation-id', /duplicate operationId "getThing" \(also used by GET \/a at line 6\)/, 11, 20],
    ['errors/path-template-mismatch.yaml', 'path-parameter-mismatch', /^GET \/teams\/\{team\}: the template expression \{team\} has no path parameter named "team" \(its path parameters: teamId\)/, 5, 5],
    ['errors/path-parameter-not-in-template.yaml', 'path-parameter-mismatch', /^GET \/teams: path parameter "teamId" does not occur in the path template/, 8, 17],
    ['errors/path-parameter-optional.yaml', 'path-parameter-mismatch', /^GET \/teams\/\{team\}: path parameter "team" must be `required: true`/, 10, 21],
    ['errors/unknown-type.yaml', 'unknown-schema-type', /^unknown schema type "integr" \(did you mean "integer"\?\)/, 27, 28],
  ]

  it.each(cases)('%s → %s', async (name, code, message, line, column) => {
    const error = await loadModel(fixture(name)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatehouseError)
    const e = error as GatehouseError
    expect(e.code).toBe(code)
    expect(e.message).toMatch(message)
    expect([e.site.line, e.site.column]).toEqual([line, column])
    const formatted = e.format()
    expect(formatted.split('\n')).toHaveLength(1)
    expect(formatted).toContain(name.split('/').pop()!)
    if (line !== undefined) expect(formatted).toMatch(new RegExp(`:${line}:${column}: `))
  })
})

describe('loading', () => {
  it('tolerates a UTF-8 byte order mark', async () => {
    const loaded = await loadDocument(fixture('bom.json'))
    expect(loaded.document.openapi).toBe('3.0.3')
    expect(loaded.openapiVersion).toBe('3.0')
  })

  it('bundles external files into components, keeps schema refs as refs, and lists the files read', async () => {
    const loaded = await loadDocument(fixture('external/root.yaml'))
    const get = (loaded.document.paths as Record<string, Record<string, Record<string, unknown>>>)['/pets/{id}']!.get!
    expect(JSON.stringify(get)).not.toContain('.yaml')
    const components = loaded.document.components as Record<string, Record<string, unknown>>
    expect(components.schemas!.Pet).toMatchObject({ properties: { parent: { $ref: '#/components/schemas/Pet' } } })
    expect(loaded.files.map((f) => f.split('/').pop())).toEqual(['root.yaml', 'paths.yaml', 'common.yaml'])
    const model = await loadModel(fixture('external/root.yaml'))
    expect(model.operations[0]).toMatchObject({ name: 'getPet', parameters: { path: [{ name: 'id', required: true }] } })
    expect(model.operations[0]!.responses[0]!.content[0]!.schema).toEqual({ $ref: '#/components/schemas/Pet' })
    expect(model.schemes[0]).toMatchObject({ name: 'apiKey', realm: 'pets' })
  })

  it('locates pointers in YAML', async () => {
    const yaml = ['openapi: 3.1.0', 'info: { title: t, version: "1" }', 'paths:', '  /a/b:', '    get:', '      tags: [x, y]', '      responses: {}', ''].join('\n')
    const loaded = await loadDocumentFromText(yaml, 'inline.yaml')
    expect(loaded.locate('/paths/~1a~1b/get')).toMatchObject({ line: 6, column: 7 })
    expect(loaded.locate('/paths/~1a~1b/get/tags/1')).toMatchObject({ line: 6, column: 17 })
    expect(loaded.locate('/info/version')).toMatchObject({ line: 2, column: 28 })
    expect(loaded.locate('/paths/~1nope')).toBeUndefined()
  })

  it('locates pointers in JSON without parsing it again', async () => {
    const json = '{\n  "openapi": "3.0.0",\n  "info": {"title": "t \\" }", "version": "1"},\n  "paths": {\n    "/a": {"get": {"tags": [{"x": [1, 2]}, "b"], "responses": {}}}\n  }\n}\n'
    const loaded = await loadDocumentFromText(json, 'inline.json')
    expect(loaded.locate('/info/version')).toMatchObject({ file: 'inline.json', line: 3, column: 42 })
    expect(loaded.locate('/paths/~1a/get/tags/1')).toMatchObject({ line: 5, column: 44 })
    expect(loaded.locate('/paths/~1a/get/tags/2')).toBeUndefined()
    expect(loaded.locate('')).toMatchObject({ line: 1, column: 1 })
  })
})
