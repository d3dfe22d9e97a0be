import { watch, type FSWatcher } from 'node:fs'

/**
 * Calls `onChange` (debounced) whenever one of `files` changes. `files()` is re-read after each
 * run because the set of referenced files can change with the spec.
 */
export function watchFiles(files: () => string[], onChange: () => Promise<void>, debounceMs = 100): { close(): void } {
  let watchers: FSWatcher[] = []
  let timer: NodeJS.Timeout | undefined
  let running = Promise.resolve()
  const arm = () => {
    for (const w of watchers) w.close()
    watchers = files().flatMap((file) => {
      try {
        return [watch(file, () => schedule())]
      } catch {
        return []
      }
    })
  }
  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      // Editors replace files on save (new inode), so watchers are re-armed after every run.
      running = running.then(onChange).then(arm, arm)
    }, debounceMs)
  }
  arm()
  return {
    close() {
      clearTimeout(timer)
      for (const w of watchers) w.close()
    },
  }
}
