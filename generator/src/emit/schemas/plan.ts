import type { ApiModel, JsonSchema } from '../../model/types.js'
import type { Ctx, TranslateEnv } from './context.js'
import { code } from './expr.js'
import { type ComponentOrder, orderComponents, scanSchema, variantComponents } from './graph.js'
import { isHelper, RESERVED_NAMES } from './helpers.js'
import { translate } from './json-schema.js'
import { identifierPart, NameAllocator } from './names.js'
import type { NamedExpr } from './operations.js'
import type { Mode, SchemaIndex } from './schema-utils.js'

type Side = 'request' | 'response'

/** The component consts of a `schemas.ts`, in declaration order, and the environment operations translate in. */
export interface ComponentPlan {
  env: TranslateEnv
  allocate: (base: string) => string
  /** Component consts (plain ones, then the request/response variants operations need), dependencies first. */
  consts: NamedExpr[]
  /** Every component with the const of its plain form, in document order. */
  components: Array<{ name: string; constName: string }>
  /** Helpers used so far (operations add to it). */
  helpers: Set<string>
  /** Translates the standalone consts requested since the last call (local refs, deep subschemas). */
  drain(): NamedExpr[]
}

const VARIANT_SUFFIX: Record<Mode, string> = { plain: 'Schema', request: 'RequestSchema', response: 'ResponseSchema' }

/**
 * Orders the components (dependencies first, cycles grouped), decides which
 * need a request or response variant, names every const and translates the
 * components. Every const is a `z.lazy` over its builder (index.ts), so a
 * reference is always just the const's name, cycles included.
 */
export function planComponents(model: ApiModel): ComponentPlan {
  const index: SchemaIndex = {
    components: new Map(model.schemas.map((s) => [s.name, s.schema])),
    document: model.document,
    openapi: model.openapiVersion,
  }
  const order = orderComponents(index)
  const flagged: Record<Side, Set<string>> = {
    request: variantComponents(order, 'request'),
    response: variantComponents(order, 'response'),
  }
  const demanded = demandedVariants(model, index, order, flagged)

  // Plain names first, in document order, so adding a variant never renames a component's const.
  const names = new NameAllocator(RESERVED_NAMES)
  const constNames = new Map<string, string>()
  for (const mode of ['plain', 'request', 'response'] as const) {
    for (const { name } of model.schemas) {
      if (mode !== 'plain' && !demanded[mode].has(name)) continue
      constNames.set(`${mode}:${name}`, names.allocate(identifierPart(name) + VARIANT_SUFFIX[mode]))
    }
  }

  const helpers = new Set<string>()
  const pending: Array<{ name: string; schema: JsonSchema; ctx: Ctx }> = []
  const standalone = new Map<string, string>()
  const deep = new WeakMap<object, Map<string, string>>()
  const env: TranslateEnv = {
    index,
    reference(name, mode) {
      const effective = mode !== 'plain' && demanded[mode].has(name) ? mode : 'plain'
      return code(constNames.get(`${effective}:${name}`)!)
    },
    helper(name) {
      if (!isHelper(name)) throw new Error(`internal error: unknown schemas.ts helper ${name}`)
      helpers.add(name)
      return code(name)
    },
    standalone(schema, ctx, pointer) {
      // One const per target and way of translating it (mode, coercion).
      const variant = `${ctx.mode}:${ctx.coerce}:${ctx.files === true}:${ctx.jsonParts ? [...ctx.jsonParts].join(',') : ''}`
      const known = pointer !== undefined ? standalone.get(`${variant}:${pointer}`) : deep.get(schema as object)?.get(variant)
      if (known !== undefined) return code(known)
      const base = pointer !== undefined ? identifierPart(pointer.replace(/^#\/(components\/schemas\/)?/, '')).slice(0, 60) : 'Nested'
      const name = names.allocate(`${base}${VARIANT_SUFFIX[ctx.mode]}`)
      if (pointer !== undefined) standalone.set(`${variant}:${pointer}`, name)
      else {
        const map = deep.get(schema as object) ?? new Map<string, string>()
        map.set(variant, name)
        deep.set(schema as object, map)
      }
      pending.push({ name, schema, ctx: { ...ctx, depth: 0, inlining: new Set() } })
      return code(name)
    },
  }
  // Translated from a work list, never recursively: deep nesting becomes a chain of consts.
  const drain = (): NamedExpr[] => {
    const out: NamedExpr[] = []
    for (let item = pending.shift(); item !== undefined; item = pending.shift()) out.push({ name: item.name, expr: translate(item.schema, item.ctx) })
    return out
  }

  const consts: NamedExpr[] = []
  for (const group of order.groups) {
    for (const mode of ['plain', 'request', 'response'] as const) {
      for (const name of group) {
        if (mode !== 'plain' && !demanded[mode].has(name)) continue
        const expr = translate(index.components.get(name), { env, mode, coerce: false, inlining: new Set(), depth: 0 })
        consts.push({ name: constNames.get(`${mode}:${name}`)!, expr })
      }
    }
  }
  const components = model.schemas.map(({ name }) => ({ name, constName: constNames.get(`plain:${name}`)! }))
  consts.push(...drain())
  return { env, allocate: (base) => names.allocate(base), consts, components, helpers, drain }
}

/** The variants operations actually reach: request bodies pull request variants, responses pull response variants. */
function demandedVariants(
  model: ApiModel,
  index: SchemaIndex,
  order: ComponentOrder,
  flagged: Record<Side, Set<string>>,
): Record<Side, Set<string>> {
  const demanded: Record<Side, Set<string>> = { request: new Set(), response: new Set() }
  const visit = (root: JsonSchema, side: Side) => {
    const work: string[] = []
    const reach = (name: string) => {
      if (!flagged[side].has(name) || demanded[side].has(name)) return
      demanded[side].add(name)
      work.push(name)
    }
    scanSchema(root, index, reach)
    while (work.length > 0) for (const target of order.edges.get(work.pop()!) ?? []) reach(target)
  }
  for (const operation of model.operations) {
    for (const media of operation.requestBody?.content ?? []) if (media.schema !== undefined) visit(media.schema, 'request')
    for (const response of operation.responses) {
      for (const media of response.content) if (media.schema !== undefined) visit(media.schema, 'response')
    }
  }
  return demanded
}
