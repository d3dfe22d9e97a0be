#!/usr/bin/env node
// Inside the workspace the CLI runs from source (through tsx), so it can never
// be a stale build; a published package has no src/ and runs dist/.
import { existsSync } from 'node:fs'

const source = new URL('../src/cli/main.ts', import.meta.url)
if (existsSync(source)) {
  const { tsImport } = await import('tsx/esm/api')
  await tsImport(source.href, import.meta.url)
} else {
  await import('../dist/cli/main.js')
}
