// TanStack Query (v5) options for a generated client, in any framework adapter
// (React, Vue, Solid, Svelte, Angular): plain objects, so nothing here imports
// TanStack; its functions accept them structurally.
import { ResultError } from './errors.js'
import type { OperationMethod } from './operation.js'
import type { CallInit } from './request/init.js'
import type { OperationResult } from './result/types.js'

/** What a query or mutation of an operation takes: its call argument without `signal` (TanStack passes its own). */
export type QueryInput<Op> = Omit<CallInit<Op>, 'signal'>
/** What a query of an operation resolves to: the `data` of its success results. */
export type QueryData<Op> = Extract<OperationResult<Op>, { ok: true }>['data']
/** What a query or mutation of an operation rejects with: a `ResultError` over its failure results. */
export type QueryError<Op> = ResultError<Extract<OperationResult<Op>, { ok: false }>>

/** `[operation]` (every query of the operation, for invalidation) or `[operation, input]`. */
export type QueryKey<K extends string, Op> = readonly [K] | readonly [K, QueryInput<Op>]

type Optional<I, Rest extends unknown[]> = {} extends I ? [input?: I, ...rest: Rest] : [input: I, ...rest: Rest]

/** The TanStack pieces of one operation. */
export interface OperationQueries<K extends string, Op> {
  /** The key of this operation's query for `input`; without input, the prefix matching all of them (`invalidateQueries`). */
  queryKey(input?: QueryInput<Op>): QueryKey<K, Op>
  /**
   * `{ queryKey, queryFn }` for `useQuery`, `fetchQuery`, `ensureQueryData`, … (plus the
   * extra `options` given, e.g. `staleTime`). The query's `signal` aborts the request;
   * a failure rejects with `ResultError`, so `error.result.status` narrows.
   */
  queryOptions<O extends object = {}>(
    ...args: Optional<QueryInput<Op>, [options?: O]>
  ): Omit<O, 'queryKey' | 'queryFn'> & {
    queryKey: readonly [K, QueryInput<Op>]
    queryFn: (context: { signal: AbortSignal }) => Promise<QueryData<Op>>
    /** Typed like TanStack's `retry`, so the adapters infer `error` as this operation's `ResultError`. */
    retry?: boolean | number | ((failureCount: number, error: QueryError<Op>) => boolean)
  }
  /** `{ mutationKey, mutationFn }` for `useMutation` (plus the extra `options` given); `mutate(input)` calls the operation. */
  mutationOptions<O extends object = {}>(
    options?: O,
  ): Omit<O, 'mutationKey' | 'mutationFn'> & {
    mutationKey: readonly [K]
    mutationFn: (input: QueryInput<Op>) => Promise<QueryData<Op>>
    retry?: boolean | number | ((failureCount: number, error: QueryError<Op>) => boolean)
  }
}

/** `createQueries(api)`: one {@link OperationQueries} per operation method of the client `C`. */
export type Queries<C> = {
  [K in keyof C & string as C[K] extends OperationMethod<infer _> ? K : never]: C[K] extends OperationMethod<infer Op> ? OperationQueries<K, Op> : never
}

type AnyCall = (init: object) => Promise<{ ok: boolean; status: number; data?: unknown }>

/**
 * The runtime behind a generated `createQueries`: for every operation method of
 * `api` (its enumerable functions; `raw` is not one), TanStack Query options that
 * resolve to the success `data` and reject with {@link ResultError}.
 * @example useQuery(queries.getArticle.queryOptions({ params: { path: { id } } }))
 */
export function createRuntimeQueries<C extends object>(api: C): Queries<C> {
  const out: Record<string, object> = {}
  for (const name of Object.keys(api)) {
    const call = (api as Record<string, AnyCall>)[name]!
    if (typeof call !== 'function') continue
    const run = async (input: object | undefined, signal?: AbortSignal) => {
      const r = await call(signal ? { ...input, signal } : (input ?? {}))
      if (r.ok) return r.data
      throw new ResultError(r as { ok: false; status: number; response: Response }, name)
    }
    out[name] = {
      queryKey: (input?: object) => (input === undefined ? [name] : [name, input]),
      queryOptions: (input?: object, options?: object) => ({ ...options, queryKey: [name, input ?? {}], queryFn: (c: { signal: AbortSignal }) => run(input, c.signal) }),
      mutationOptions: (options?: object) => ({ ...options, mutationKey: [name], mutationFn: (input?: object) => run(input) }),
    }
  }
  return out as Queries<C>
}
