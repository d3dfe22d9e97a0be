#!/usr/bin/env node
// The `gatehouse` bin of the published package (compiled to dist/cli/main.js, run by plain node).
import { main } from './run.js'

// Exit codes: 0 ok, 1 stale files under --check, 2 invalid input or usage.
process.exitCode = await main(process.argv.slice(2))
