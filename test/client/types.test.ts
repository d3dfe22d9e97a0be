// Type-level tests: narrowing on `status` gives exactly the right member; wrong
// accesses fail to compile (`npx tsc -p tsconfig.json` checks this file).
import { describe, expectTypeOf, it } from 'vitest'
import type { BearerError, Challenge, InvalidParam, Problem, StepUp } from '@gatehouse/client'
import type { Client as Articles, OperationResultOf } from '../generated/articles/client.js'
import type { Client as Pets, OperationResultOf as PetResultOf } from '../generated/petstore-keys/client.js'

type CreateArticleResult = OperationResultOf<'createArticle'>
type GetArticleResult = OperationResultOf<'getArticle'>
type DeleteArticleResult = OperationResultOf<'deleteArticle'>
type AuthorizeResult = OperationResultOf<'authorize'>
type ListPetsResult = PetResultOf<'listPets'>
import type { components } from '../generated/articles/types.js'

type Article = components['schemas']['Article']
type ProblemBody = components['schemas']['Problem']
type OAuthError = components['schemas']['OAuthError']

function narrowCreate(r: CreateArticleResult) {
  if (r.ok) {
    expectTypeOf(r.status).toEqualTypeOf<201>()
    expectTypeOf(r.data).toEqualTypeOf<Article>()
    // @ts-expect-error -- a success has no error
    void r.error
    return
  }
  switch (r.status) {
    case 400:
      expectTypeOf(r.invalidParams).toEqualTypeOf<InvalidParam[]>()
      expectTypeOf(r.problem).toEqualTypeOf<Problem | undefined>()
      expectTypeOf(r.error).toEqualTypeOf<ProblemBody>()
      // @ts-expect-error -- challenges only on 401
      void r.challenges
      break
    case 401:
      expectTypeOf(r.challenges).toEqualTypeOf<Challenge[]>()
      expectTypeOf(r.bearer).toEqualTypeOf<BearerError | undefined>()
      expectTypeOf(r.stepUp).toEqualTypeOf<StepUp | undefined>()
      expectTypeOf(r.reauthenticated).toEqualTypeOf<boolean>()
      // @ts-expect-error -- requiredScopes only on 403
      void r.requiredScopes
      break
    case 403:
      expectTypeOf(r.requiredScopes).toEqualTypeOf<string[]>()
      // @ts-expect-error -- invalidParams only on 400
      void r.invalidParams
      break
    case 404:
    case 500:
    case 503:
      // Not declared by createArticle: the remaining statuses share one member with an unknown body.
      expectTypeOf(r.error).toEqualTypeOf<unknown>()
      expectTypeOf(r.status).toEqualTypeOf<404 | 500 | 503>()
      break
    default:
      expectTypeOf(r.status).not.toEqualTypeOf<number>()
      // @ts-expect-error -- 201 is a success, not a failure status
      if (r.status === 201) break
  }
}

function narrowGet(r: GetArticleResult) {
  if (r.status === 200) expectTypeOf(r.data).toEqualTypeOf<Article>()
  if (r.status === 404) {
    // A declared 404: its own member, with the spec's body.
    expectTypeOf(r.error).toEqualTypeOf<ProblemBody>()
    // @ts-expect-error -- no data on a failure
    void r.data
  }
  if (r.status === 403) expectTypeOf(r.error).toEqualTypeOf<unknown>()
  // @ts-expect-error -- 200 is the only success of getArticle
  if (r.ok && r.status === 201) return
}

function narrowDelete(r: DeleteArticleResult) {
  if (r.ok) {
    expectTypeOf(r.status).toEqualTypeOf<204>()
    expectTypeOf(r.data).toEqualTypeOf<undefined>()
  }
}

function narrowAuthorize(r: AuthorizeResult) {
  if (r.status === 400) expectTypeOf(r.error).toEqualTypeOf<OAuthError>()
  if (r.status === 401) expectTypeOf(r.error).toEqualTypeOf<OAuthError>()
  if (r.ok) expectTypeOf(r.data).toEqualTypeOf<components['schemas']['TokenResponse']>()
}

function narrowListPets(r: ListPetsResult) {
  if (r.ok) expectTypeOf(r.data).toBeArray()
}

async function calls(api: Articles, pets: Pets) {
  // Required path parameter and body are required arguments.
  // @ts-expect-error -- getArticle needs params.path.id
  await api.getArticle()
  // @ts-expect-error -- id is a string
  await api.getArticle({ params: { path: { id: 1 } } })
  // @ts-expect-error -- createArticle needs a body
  await api.createArticle({})
  // @ts-expect-error -- listArticles has no body
  await api.listArticles({ body: { x: 1 } })
  // @ts-expect-error -- unknown query parameter
  await api.listArticles({ params: { query: { nope: 1 } } })
  await api.listArticles()
  await api.listArticles({ params: { query: { tag: ['a'], limit: 1 } }, signal: AbortSignal.timeout(1), timeoutMs: 5 })
  await pets.getPet({ params: { path: { petId: 1 }, header: { 'X-Request-Id': 'x' } } })
  const raw = await api.raw.GET('/articles/{id}', { params: { path: { id: 'a' } } })
  expectTypeOf(raw.data).toEqualTypeOf<Article | undefined>()
}

function resultOfMatchesTheMethod(api: Articles) {
  expectTypeOf(api.createArticle).returns.resolves.toEqualTypeOf<CreateArticleResult>()
  // @ts-expect-error -- raw is not an operation
  type Raw = OperationResultOf<'raw'>
}

function options() {
  type Options = Parameters<typeof import('../generated/articles/client.js').createClient>[0]
  expectTypeOf<{ baseUrl: string; auth: { oauth2: string } }>().toExtend<Options>()
  // @ts-expect-error -- auth is keyed by the spec's scheme names
  const wrong: Options = { baseUrl: '', auth: { apiKey: 'x' } }
  type PetOptions = Parameters<typeof import('../generated/petstore-keys/client.js').createClient>[0]
  // @ts-expect-error -- Basic takes a username and password, not a token
  const basic: PetOptions = { baseUrl: '', auth: { basicAuth: 'token' } }
  return [wrong, basic]
}

describe('result types', () => {
  it('compile (checked by tsc; nothing to run)', () => {
    expectTypeOf(narrowCreate).toBeFunction()
    expectTypeOf([narrowGet, narrowDelete, narrowAuthorize, narrowListPets, calls, options, resultOfMatchesTheMethod]).toBeArray()
  })
})
