import { main } from './run.js'

// Exit codes: 0 ok, 1 stale files under --check, 2 invalid input or usage.
process.exitCode = await main(process.argv.slice(2))
