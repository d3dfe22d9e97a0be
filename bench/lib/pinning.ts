// CPU pinning for the server benchmarks (bench/server.ts, bench/multipart.ts). The virtual CPUs of
// a shared machine are not equally fast from one minute to the next, and the kernel keeps a busy
// process on its CPU: unpinned, two identical echo servers measured 0.85× against each other over
// a whole 21-round run, because one of them sat on the slower CPU; pinned, eight such runs gave
// 0.97–1.04×. So every server runs on the last CPU and the benchmark process (the load generator)
// on the others, where Linux's `taskset` exists and there are two CPUs or more.
import { execFileSync, spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface Pinning {
  /** The CPU list of every server. */
  servers: string
  /** The CPU list of the benchmark process. */
  bench: string
}

/** The CPUs this process may run on (`Cpus_allowed_list`: `0-3,8`), which a container may number from anywhere. */
function allowedCpus(): number[] {
  const list = /^Cpus_allowed_list:\s*(\S+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? ''
  return list.split(',').flatMap((range) => {
    const [from, to = from] = range.split('-').map(Number)
    return Number.isInteger(from) && Number.isInteger(to) ? Array.from({ length: to! - from! + 1 }, (_, i) => from! + i) : []
  })
}

/**
 * Pins this process (all its threads, the load generator's included) and returns where servers go,
 * or undefined when pinning is off or impossible; `describe` says which, for the benchmark's header.
 */
export function pinBenchmark(off: boolean): { pin: Pinning | undefined; describe: string } {
  if (off) return { pin: undefined, describe: 'not pinned (--unpinned)' }
  const cpus = process.platform === 'linux' ? allowedCpus() : []
  if (cpus.length < 2 || spawnSync('taskset', ['--version']).status !== 0) {
    return { pin: undefined, describe: 'not pinned (needs Linux, taskset and two CPUs)' }
  }
  const pin = { servers: String(cpus.at(-1)), bench: cpus.slice(0, -1).join(',') }
  try {
    execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', pin.bench, String(process.pid)], { stdio: 'pipe' })
  } catch (error) {
    return { pin: undefined, describe: `not pinned (taskset failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()})` }
  }
  return { pin, describe: `servers on CPU ${pin.servers}, load generator on CPU ${pin.bench}` }
}

/** Spawns `command` (node and its arguments) on the servers' CPUs; taskset execs it, so pid, signals and IPC are node's. */
export function spawnPinned(command: string[], pin: Pinning | undefined, options: SpawnOptions): ChildProcess {
  const [file, ...args] = pin === undefined ? command : ['taskset', '--cpu-list', pin.servers, ...command]
  return spawn(file!, args, options)
}
