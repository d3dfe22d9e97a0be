import { createRequire } from 'node:module'
import type * as Redocly from '@redocly/openapi-core'
import type * as OpenapiTypescript from 'openapi-typescript'
import type TypeScript from 'typescript'

// The CommonJS dependencies are loaded with `require`. An ESM `import` of a CommonJS file makes
// Node scan its source for export names first (cjs-module-lexer, following every re-export):
// for TypeScript (9 MB), Redocly's openapi-core and openapi-typescript that is about 0.7 s of
// CPU on every run, a third of a small spec's generation. openapi-typescript ships a CommonJS
// build, so through `require` it loads TypeScript the same way.
const require = createRequire(import.meta.url)

/** @redocly/openapi-core (CommonJS). */
export const redocly = (): typeof Redocly => require('@redocly/openapi-core') as typeof Redocly
/** openapi-typescript's CommonJS build. */
export const openapiTypescript = (): typeof OpenapiTypescript => require('openapi-typescript') as typeof OpenapiTypescript
/** The TypeScript compiler API (CommonJS). */
export const typescript = (): typeof TypeScript => require('typescript') as typeof TypeScript
