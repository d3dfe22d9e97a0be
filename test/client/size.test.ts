// Bundle size of a browser app using one operation of a generated client:
// createClient + @gatehouse/client + @gatehouse/http-auth + openapi-fetch,
// bundled and minified with esbuild, must stay within 5 KB gzipped.
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const LIMIT = 5 * 1024

/**
 * Bundles `source` for browsers as an app bundler would (code splitting on).
 * `initial` is what a page loads before its first call: the entry chunk and the
 * chunks it imports statically; `lazy` is every chunk behind a dynamic import.
 */
async function bundle(source: string): Promise<{ initial: string; lazy: string[] }> {
  const result = await build({
    stdin: { contents: source, resolveDir: `${root}test/client`, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    outdir: `${root}test/.tmp/size`,
    write: false,
    metafile: true,
    logLevel: 'silent',
    alias: {
      '@gatehouse/client': `${root}packages/client/src/index.ts`,
      '@gatehouse/http-auth': `${root}packages/http-auth/src/index.ts`,
    },
  })
  const outputs = result.metafile.outputs
  const text = new Map(result.outputFiles.map((f) => [f.path.slice(root.length), f.text]))
  const entry = Object.keys(outputs).find((k) => outputs[k]!.entryPoint !== undefined)!
  const initial = new Set<string>()
  const visit = (chunk: string) => {
    if (initial.has(chunk)) return
    initial.add(chunk)
    for (const i of outputs[chunk]!.imports) if (i.kind === 'import-statement') visit(i.path)
  }
  visit(entry)
  const lazy = Object.keys(outputs).filter((k) => k.endsWith('.js') && !initial.has(k))
  return { initial: [...initial].map((k) => text.get(k)!).join('\n'), lazy: lazy.map((k) => text.get(k)!) }
}

const gz = (code: string) => gzipSync(code, { level: 9 }).length

describe('browser bundle size', () => {
  it('createClient + one operation ≤ 5 KB gzipped, without Node, zod or oauth4webapi', async () => {
    const ours = await bundle(`
      import { createClient } from '../generated/articles/client.js'
      const api = createClient({ baseUrl: 'https://api.example.com', auth: { oauth2: 'token' } })
      api.getArticle({ params: { path: { id: 'a1' } } }).then((r) => { if (r.ok) console.log(r.data.title); else console.log(r.status) })
    `)
    const baseline = await bundle(`
      import createClient from 'openapi-fetch'
      const api = createClient({ baseUrl: 'https://api.example.com' })
      api.GET('/articles/{id}', { params: { path: { id: 'a1' } } }).then((r) => console.log(r.data))
    `)
    const size = gz(ours.initial)
    console.log(`client bundle: ${size} B gzipped (${ours.initial.length} B minified); openapi-fetch alone: ${gz(baseline.initial)} B gzipped; lazy chunks (error path, raw client): ${ours.lazy.map(gz).join(', ')} B gzipped`)
    expect(size).toBeLessThanOrEqual(LIMIT)
    // Nothing from Node: platform 'browser' would fail on a node: import; no process/Buffer globals either.
    expect(ours.initial).not.toMatch(/\bnode:|\bprocess\.|\bBuffer\./)
    // client.ts never imports schemas.ts (validation brings its own schemas): no zod in any chunk.
    expect(ours.initial).not.toMatch(/zod|ZodError/i)
    expect(ours.lazy.join('')).not.toMatch(/ZodError|\$ZodType/)
    // Token sources built on oauth4webapi are tree-shaken unless imported.
    expect(ours.initial).not.toContain('oauth4webapi')
    expect(ours.initial).not.toMatch(/allowInsecureRequests|client_credentials/)
  })
})
