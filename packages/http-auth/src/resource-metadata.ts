// RFC 9728 §5.1: the `resource_metadata` parameter, usable in a challenge of any scheme.

import type { Challenge } from './challenge/types.js'
import { param } from './lib/list.js'

/** The protected-resource metadata URL of the first challenge that names one (RFC 9728 §5.1). */
export function readResourceMetadata(challenges: readonly Challenge[]): string | undefined {
  for (const c of challenges) {
    const url = param(c, 'resource_metadata')
    if (url !== undefined) return url
  }
  return undefined
}
