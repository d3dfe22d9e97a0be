import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// Tests run from source: workspace packages resolve to src/, never to a stale dist/.
export default defineConfig({
  resolve: {
    // Subpaths first: an alias also matches what starts with its key and a slash.
    alias: {
      '@gatehouse/http-auth/challenge': src('./packages/http-auth/src/challenge/index.ts'),
      '@gatehouse/http-auth/problem': src('./packages/http-auth/src/problem/index.ts'),
      '@gatehouse/http-auth/retry-after': src('./packages/http-auth/src/retry-after.ts'),
      '@gatehouse/http-auth': src('./packages/http-auth/src/index.ts'),
      '@gatehouse/client': src('./packages/client/src/index.ts'),
      '@gatehouse/server/zod': src('./packages/server/src/zod.ts'),
      '@gatehouse/server': src('./packages/server/src/index.ts'),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    typecheck: { enabled: false },
  },
})
