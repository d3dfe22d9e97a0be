import type { ApiModel } from '../../model/types.js'
import type { Emitter } from '../emitter.js'
import { generatedHeader } from '../header.js'
import { newWriter } from '../lib/index.js'

/**
 * The body of `query.ts`: TanStack Query v5 options over a generated client. All the
 * work is `createRuntimeQueries` in `@gatehouse/client`, which reads the client's
 * methods, so the file is the same size for any spec and imports nothing else at run time.
 */
export function emitQuery(model: ApiModel): string {
  const w = newWriter()
  w.writeLine("import { createRuntimeQueries, type Queries, type ResultError } from '@gatehouse/client'")
  w.writeLine("import type { Client, OperationResultOf } from './client.js'")
  w.blankLine()
  w.writeLine('/** What a query or mutation of an operation rejects with, e.g. `QueryErrorOf<\'getArticle\'>`: `error.result.status` narrows. */')
  w.writeLine("export type QueryErrorOf<K extends Exclude<keyof Client, 'raw'>> = ResultError<Extract<OperationResultOf<K>, { ok: false }>>")
  w.blankLine()
  w.writeLine('/**')
  w.writeLine(` * TanStack Query v5 options for every operation of ${model.title}: \`queryOptions(input, options?)\`,`)
  w.writeLine(' * `queryKey(input?)` and `mutationOptions(options?)`. Failures reject with `ResultError`.')
  w.writeLine(' * @example')
  w.writeLine(' * const queries = createQueries(api)')
  w.writeLine(" * useQuery(queries.getArticle.queryOptions({ params: { path: { id } } }))")
  w.writeLine(' */')
  w.write('export function createQueries(api: Client): Queries<Client> ').block(() => {
    // The explicit type argument: inferring it makes tsc expand Queries<Client> key by key (~19k instantiations on GitHub).
    w.writeLine('return createRuntimeQueries<Client>(api)')
  })
  return w.toString()
}

/** `query.ts`: TanStack Query options (imports `@gatehouse/client`, and types from `./client.js`). */
export const queryEmitter: Emitter = {
  file: 'query.ts',
  targets: ['client'],
  emit: (model, options) => generatedHeader(options.specName) + emitQuery(model),
}
