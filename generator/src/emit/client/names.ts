import type { Operation } from '../../model/types.js'
import { quote } from '../lib/index.js'

/** The property the openapi-fetch client lives under, unless an operation already has that name. */
export function rawName(operations: readonly Operation[]): string {
  const taken = new Set(operations.map((op) => op.name))
  let name = 'raw'
  while (taken.has(name)) name = '$' + name
  return name
}

/** The openapi-typescript type of an operation: `paths['/articles']['post']` (present with or without operationId). */
export function operationType(op: Operation): string {
  return `paths[${quote(op.path)}][${quote(op.method)}]`
}
