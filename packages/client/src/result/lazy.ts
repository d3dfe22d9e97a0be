/** The error-path module, imported once on first need (bundlers put it in its own chunk). */
export const failure = (): Promise<typeof import('./failure.js')> => (loaded ??= import('./failure.js'))
let loaded: Promise<typeof import('./failure.js')> | undefined
