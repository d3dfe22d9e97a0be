import type { ApiModel, Response } from '../../model/types.js'
import { deref, getAt, schemaHasProperty, strings } from '../lib/document.js'
import { label } from '../lib/operations.js'
import { ERROR_DESCRIPTION } from '../lib/text.js'
import type { LintRule } from '../types.js'

/** Where in a 401 response the `error_description`-style detail is documented, if anywhere. */
function detailSite(model: ApiModel, response: Response): string | undefined {
  if (ERROR_DESCRIPTION.test(response.description)) return 'its description'
  for (const header of response.headers) {
    if (header.description && ERROR_DESCRIPTION.test(header.description)) return `the ${header.name} header description`
  }
  // Examples and header examples are not in the model; read them (through their `$ref`s) from the bundled document.
  const raw = deref(model.document, getAt(model.document, response.pointer))
  if (raw && typeof raw === 'object') {
    const { headers, content } = raw as { headers?: unknown; content?: unknown }
    for (const text of strings(model.document, headers)) if (ERROR_DESCRIPTION.test(text)) return 'a header example'
    if (content && typeof content === 'object') {
      for (const [type, media] of Object.entries(content)) {
        const { example, examples } = (deref(model.document, media) ?? {}) as { example?: unknown; examples?: unknown }
        const texts = [...strings(model.document, example), ...strings(model.document, examples)]
        if (texts.some((text) => ERROR_DESCRIPTION.test(text))) return `a ${type} example`
      }
    }
  }
  for (const media of response.content) {
    if (schemaHasProperty(model.document, media.schema, ERROR_DESCRIPTION)) return `the ${media.type} body schema`
  }
  return undefined
}

/** Production 401s say *that* the credentials failed, never *why*: the why helps attackers, not clients. */
export const errorDescriptionOn401: LintRule = {
  id: 'error-description-on-401',
  severity: 'warning',
  rationale: 'RFC 6750 §3.1 makes error_description optional, and the seed\'s security considerations: "does the client\'s behavior change when it knows that its token is expired or revoked?" — it does not, so production 401s omit it.',
  fix: 'document only `error="invalid_token"` on the 401; gatehouse adds error_description in development mode only',
  *check({ model }) {
    for (const operation of model.operations) {
      // A token endpoint's 401 is the RFC 6749 §5.2 OAuth error body, which defines error_description itself.
      if (operation.credentialsExchange) continue
      for (const response of operation.responses) {
        if (response.status !== '401') continue
        const site = detailSite(model, response)
        if (site === undefined) continue
        yield {
          operation: label(operation),
          message: `the 401 response documents error_description detail in ${site}`,
          pointer: response.pointer,
        }
      }
    }
  },
}
