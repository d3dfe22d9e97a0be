// Type-level contract of @gatehouse/http-auth, checked by `tsc` (npm run typecheck) and run as a smoke test by vitest.
import { describe, expectTypeOf, it } from 'vitest'
import {
  ChallengeParseError,
  CredentialsParseError,
  bearerChallenge,
  decodeBasicCredentials,
  dpopChallenge,
  formatChallenge,
  formatChallenges,
  parseAuthorization,
  parseChallenges,
  parseChallengesFromHeaders,
  parseProblem,
  parseRetryAfter,
  problem,
  readBearerError,
  readDpopChallenge,
  readResourceMetadata,
  readStepUp,
  statusForBearerError,
  stepUpChallenge,
  type BearerErrorCode,
  type Challenge,
  type ChallengeParseErrorCode,
  type Credentials,
  type CredentialsParseErrorCode,
  type InvalidParam,
  type Problem,
  type ProblemDetails,
} from '@gatehouse/http-auth'

describe('exported types', () => {
  it('Challenge and its parser/formatter', () => {
    expectTypeOf<Challenge>().toEqualTypeOf<{ scheme: string; params: Record<string, string>; token68?: string }>()
    expectTypeOf(parseChallenges).toEqualTypeOf<(fieldValue: string) => Challenge[]>()
    expectTypeOf(parseChallengesFromHeaders).parameter(0).toEqualTypeOf<Headers>()
    expectTypeOf(formatChallenge).returns.toBeString()
    expectTypeOf(formatChallenges).parameter(0).toEqualTypeOf<readonly Challenge[]>()
    expectTypeOf(bearerChallenge).returns.toEqualTypeOf<Challenge>()
    expectTypeOf(stepUpChallenge).returns.toEqualTypeOf<Challenge>()
    expectTypeOf(dpopChallenge).returns.toEqualTypeOf<Challenge>()
  })

  it('errors are classes with a code discriminant and an offset', () => {
    expectTypeOf<ChallengeParseError>().toMatchTypeOf<Error>()
    expectTypeOf<ChallengeParseError['offset']>().toBeNumber()
    expectTypeOf<ChallengeParseError['code']>().toEqualTypeOf<ChallengeParseErrorCode>()
    expectTypeOf<'duplicate-parameter'>().toMatchTypeOf<ChallengeParseErrorCode>()
    expectTypeOf<'nonsense'>().not.toMatchTypeOf<ChallengeParseErrorCode>()
    expectTypeOf<CredentialsParseError['offset']>().toBeNumber()
    expectTypeOf<CredentialsParseError['code']>().toEqualTypeOf<CredentialsParseErrorCode>()
    expectTypeOf<CredentialsParseError>().toMatchTypeOf<Error>()
  })

  it('OAuth readers', () => {
    expectTypeOf(readBearerError).returns.toEqualTypeOf<{ error: string; errorDescription?: string; errorUri?: string; scope: string[] } | undefined>()
    expectTypeOf(statusForBearerError).returns.toEqualTypeOf<400 | 401 | 403 | undefined>()
    expectTypeOf<BearerErrorCode>().toEqualTypeOf<'invalid_request' | 'invalid_token' | 'insufficient_scope'>()
    expectTypeOf(readStepUp).returns.toEqualTypeOf<{ acrValues: string[]; maxAge?: number } | undefined>()
    expectTypeOf(readDpopChallenge).returns.toEqualTypeOf<{ algs: string[]; error?: string; errorDescription?: string } | undefined>()
    expectTypeOf(readResourceMetadata).returns.toEqualTypeOf<string | undefined>()
    // Never called: these only have to (fail to) compile.
    void (() => {
      // @ts-expect-error scope is a list, not a space-joined string
      bearerChallenge({ scope: 'a b' })
    })
  })

  it('problem details', () => {
    expectTypeOf(problem).returns.toEqualTypeOf<Response>()
    expectTypeOf<{ status: 400; 'invalid-params': [] }>().toMatchTypeOf<ProblemDetails>()
    void (() => {
      // @ts-expect-error status is required
      problem({ title: 'x' })
    })
    expectTypeOf(parseProblem).parameter(0).toBeUnknown()
    expectTypeOf(parseProblem).returns.toEqualTypeOf<Problem>()
    expectTypeOf<Problem['invalidParams']>().toEqualTypeOf<InvalidParam[]>()
    expectTypeOf<InvalidParam>().toEqualTypeOf<{ name: string; reason: string; in?: 'path' | 'query' | 'header' | 'cookie' | 'body'; pointer?: string }>()
    expectTypeOf<Problem['type']>().toBeString()
    expectTypeOf<Problem['status']>().toEqualTypeOf<number | undefined>()
  })

  it('Retry-After and Authorization', () => {
    expectTypeOf(parseRetryAfter).returns.toEqualTypeOf<number | undefined>()
    expectTypeOf(parseRetryAfter).parameter(0).toEqualTypeOf<string | null | undefined>()
    expectTypeOf(parseRetryAfter).parameter(1).toEqualTypeOf<number | Date | undefined>()
    expectTypeOf(parseAuthorization).returns.toEqualTypeOf<Credentials>()
    expectTypeOf<Credentials>().toEqualTypeOf<{ scheme: string; token68?: string; params: Record<string, string> }>()
    expectTypeOf(decodeBasicCredentials).returns.toEqualTypeOf<{ username: string; password: string } | undefined>()
  })
})
