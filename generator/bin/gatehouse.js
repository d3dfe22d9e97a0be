#!/usr/bin/env node
// Development launcher, not published: inside this repository it runs the CLI from source
// through tsx, so it is never a stale build. The installed package's bin is the compiled
// dist/cli/main.js, run by plain node (`npm run build` first to try that here).
import { tsImport } from 'tsx/esm/api'

await tsImport(new URL('../src/cli/main.ts', import.meta.url).href, import.meta.url)
