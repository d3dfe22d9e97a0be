import type { CallInit } from './request/init.js'
import type { OperationResult } from './result/types.js'

/**
 * The method a generated client has for an operation (`Op` = `paths[path][method]`):
 * its argument is optional when nothing in it is required.
 */
export type OperationMethod<Op> = {} extends CallInit<Op>
  ? (init?: CallInit<Op>) => Promise<OperationResult<Op>>
  : (init: CallInit<Op>) => Promise<OperationResult<Op>>
