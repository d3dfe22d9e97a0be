// undeclared-pipeline-status: one list per operation of what gatehouse's pipeline can answer that
// the spec does not declare, without repeating what missing-401/missing-403 already report.
import { describe, expect, it } from 'vitest'
import { loadDocumentFromText } from '../../generator/src/load/index.js'
import { lintLoaded } from '../../generator/src/lint/run.js'

const spec = `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /reports/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    put:
      x-hide-forbidden: true
      security: [{ bearer: [reports:write] }]
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses:
        '204': { description: Replaced }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
`

async function findings(rules: Record<string, 'off'> = {}) {
  const { findings } = lintLoaded(await loadDocumentFromText(spec, 'reports.yaml'), { rules })
  return findings.filter((f) => f.rule === 'undeclared-pipeline-status')
}

describe('undeclared-pipeline-status', () => {
  it('lists 400, 413 and 415 and leaves 401 and the hidden 404 to their own rules', async () => {
    const [finding, ...more] = await findings()
    expect(more).toEqual([])
    expect(finding!.message).toBe('PUT /reports/{id}: the pipeline can answer 400, 413, 415, which the operation does not declare')
    expect(finding!.fix).toBe(
      "add to its responses: '400': { $ref: '#/components/responses/BadRequest' }, '413': { $ref: '#/components/responses/ContentTooLarge' }, '415': { $ref: '#/components/responses/UnsupportedMediaType' }",
    )
    expect(finding!.severity).toBe('warning')
  })

  it('lists every status when the dedicated rules are off (404, not 403, under x-hide-forbidden)', async () => {
    const [finding] = await findings({ 'missing-401': 'off', 'missing-403': 'off', 'hide-forbidden-without-404': 'off' })
    expect(finding!.message).toMatch(/can answer 400, 401, 404, 413, 415,/)
  })
})
