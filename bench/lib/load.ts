// What the server benchmarks (bench/server.ts, bench/multipart.ts) share: autocannon as the load
// generator, and the server CPU time each server process reports over its IPC channel.
import type { ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'

export interface LoadOptions {
  url: string
  method: string
  headers: Record<string, string>
  body: string | Buffer
  connections: number
  duration: number
}
export interface LoadResult {
  requests: { average: number; total: number }
  statusCodeStats: Record<string, { count: number }>
  errors: number
}

// autocannon ships no types; this is the part of its programmatic API used here. Loaded on first
// use: the servers run from the same bundles as the benchmarks and must not carry its modules.
type Autocannon = (options: LoadOptions) => Promise<LoadResult>
let loaded: Autocannon | undefined
export const autocannon: Autocannon = (options) => (loaded ??= createRequire(import.meta.url)('autocannon') as Autocannon)(options)

/** In a server process: answer every IPC message with the CPU seconds spent so far. */
export function reportCpuSeconds(): void {
  process.on('message', () => {
    const { user, system } = process.cpuUsage()
    process.send!((user + system) / 1e6)
  })
}

/** The CPU seconds a server process (see {@link reportCpuSeconds}) has spent so far. */
export function cpuSeconds(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(Number(m)))
    child.send('cpu')
  })
}
