import type { CallInit } from './request/init.js'
import type { OperationResult } from './result/types.js'

/**
 * The method a generated client has for an operation (`Op` = `paths[path][method]`):
 * its argument is optional when nothing in it is required. An interface, not a
 * type alias, so the checker resolves its signature only where it is called: a
 * client of a thousand operations costs little to type-check.
 */
export interface OperationMethod<Op> {
  (...init: {} extends CallInit<Op> ? [init?: CallInit<Op>] : [init: CallInit<Op>]): Promise<OperationResult<Op>>
}

/** What an operation of a generated client resolves to: `ResultOf<Client, 'createArticle'>`. */
export type ResultOf<C, K extends keyof C> = C[K] extends OperationMethod<infer Op> ? OperationResult<Op> : never
