import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// Tests run from source: workspace packages resolve to src/, never to a stale dist/.
export default defineConfig({
  resolve: {
    alias: {
      '@gatehouse/http-auth': src('./packages/http-auth/src/index.ts'),
      '@gatehouse/client': src('./packages/client/src/index.ts'),
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
