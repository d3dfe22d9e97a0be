import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ZodType } from 'zod'
import { generate } from '../../../generator/src/generate.js'

// Generation never overflows the stack and never mistakes data for a reference: each document
// goes through the real generator (loader, model, every emitter, types.ts included).

const TMP = fileURLToPath(new URL('../../.tmp/no-crash/', import.meta.url))

async function generateText(name: string, text: string): Promise<Record<string, ZodType>> {
  const dir = `${TMP}${name}/`
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(`${dir}spec.json`, text)
  await generate({ spec: `${dir}spec.json`, out: `${dir}out` })
  return ((await import(pathToFileURL(`${dir}out/schemas.ts`).href)) as { componentSchemas: Record<string, ZodType> }).componentSchemas
}

const documentOf = (schemas: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas }, ...extra })

describe('no stack overflow', () => {
  it('generates 10,000 levels of nested properties and items', async () => {
    // Built as text: JSON.stringify itself overflows on a value this deep.
    let open = ''
    let close = ''
    for (let i = 0; i < 10_000; i++) {
      if (i % 2 === 0) {
        open += '{"type":"object","properties":{"a":'
        close = '}}' + close
      } else {
        open += '{"type":"array","items":'
        close = '}' + close
      }
    }
    const text = documentOf({ Deep: '@' }).replace('"@"', `${open}{"type":"string"}${close}`)
    const schemas = await generateText('deep', text)
    expect(schemas.Deep!.safeParse({ a: [{ a: [] }] }).success).toBe(true)
    expect(schemas.Deep!.safeParse({ a: [{ a: [1] }] }).success).toBe(false)
    expect(schemas.Deep!.safeParse([]).success).toBe(false)
  }, 120_000)

  it('generates recursion through allOf, anyOf, properties and items', async () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
    const schemas = await generateText(
      'recursive',
      documentOf({
        // allOf merging must not inline a component that refers back to itself forever. (Validating
        // an instance against Self never ends, in any validator: it is only generated.)
        Self: { allOf: [ref('Self'), { properties: { name: { type: 'string' } } }] },
        Node: { type: 'object', allOf: [ref('Base')], properties: { children: { type: 'array', items: ref('Node') } } },
        Base: { type: 'object', properties: { parent: ref('Node'), id: { type: 'integer' } } },
        Tree: { anyOf: [{ type: 'string' }, { type: 'array', items: ref('Tree') }] },
        Deep: { type: 'object', properties: { next: { $ref: '#/components/schemas/Deep/properties/next' } } },
      }),
    )
    expect(schemas.Node!.safeParse({ id: 1, children: [{ id: 2, children: [] }] }).success).toBe(true)
    expect(schemas.Node!.safeParse({ id: 1, children: [{ id: 'x' }] }).success).toBe(false)
    expect(schemas.Tree!.safeParse([['a', ['b']], 'c']).success).toBe(true)
    expect(schemas.Tree!.safeParse([['a', [1]]]).success).toBe(false)
    expect(schemas.Self).toBeDefined()
  }, 60_000)
})

describe('data is never a reference', () => {
  it('copies enum, const, default and examples values that look like refs', async () => {
    const data = { $ref: '#/nowhere' }
    const schemas = await generateText(
      'data',
      documentOf({
        Enum: { enum: [data] },
        Const: { const: data },
        Default: { type: 'object', default: data, examples: [data] },
        // A property named `default` is a schema, not data.
        Named: { type: 'object', properties: { default: { $ref: '#/components/schemas/Const' } } },
      }),
    )
    expect(schemas.Enum!.safeParse({ $ref: '#/nowhere' }).success).toBe(true)
    expect(schemas.Enum!.safeParse({ $ref: '#/elsewhere' }).success).toBe(false)
    expect(schemas.Const!.safeParse(data).success).toBe(true)
    expect(schemas.Named!.safeParse({ default: data }).success).toBe(true)
    expect(schemas.Named!.safeParse({ default: 1 }).success).toBe(false)
  }, 60_000)

  it('still reports a dangling ref in a property named default', async () => {
    const text = documentOf({ Named: { type: 'object', properties: { default: { $ref: '#/components/schemas/Missing' } } } })
    await expect(generateText('dangling', text)).rejects.toThrow(/dangling \$ref "#\/components\/schemas\/Missing"/)
  })

  it('accepts boolean schemas wherever a schema may stand', async () => {
    const schemas = await generateText(
      'booleans',
      documentOf({ A: { allOf: [true] }, B: { anyOf: [false, true] }, C: { oneOf: [true, false] }, D: { properties: { x: false } }, E: false }),
    )
    expect(schemas.A!.safeParse(1).success).toBe(true)
    expect(schemas.B!.safeParse(1).success).toBe(true)
    expect(schemas.C!.safeParse(1).success).toBe(true)
    expect(schemas.D!.safeParse({ x: 1 }).success).toBe(false)
    expect(schemas.E!.safeParse(null).success).toBe(false)
  })
})
