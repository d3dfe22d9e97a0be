// `@gatehouse/server/zod` is how a generated schemas.ts reaches zod: zod's own `z` at run time, and
// for tsc only zod/v4/core types, so a project's type-check does not load zod's classic declarations.
import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { z as zod } from 'zod'
import { z } from '@gatehouse/server/zod'

const source = readFileSync(new URL('../../packages/server/src/zod.ts', import.meta.url), 'utf8')

describe('@gatehouse/server/zod', () => {
  it('is zod itself at run time', () => {
    expect(z).toBe(zod)
  })

  it('declares nothing from zod but zod/v4/core', () => {
    const { outputText, diagnostics } = ts.transpileDeclaration(source, { fileName: 'zod.ts', compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022 } })
    expect(diagnostics).toEqual([])
    const imports = [...outputText.matchAll(/from '([^']+)'/g)].map((m) => m[1])
    expect(imports).toEqual(['zod/v4/core'])
    expect(outputText).toContain('export declare const z: unknown')
  })

  it('is an export of the package, types first', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../packages/server/package.json', import.meta.url), 'utf8')) as { exports: Record<string, Record<string, string>> }
    expect(Object.entries(pkg.exports['./zod']!)).toEqual([
      ['types', './dist/zod.d.ts'],
      ['import', './dist/zod.js'],
    ])
  })
})
