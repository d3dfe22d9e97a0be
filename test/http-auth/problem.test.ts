import { describe, expect, it } from 'vitest'
import { parseChallengesFromHeaders, parseProblem, problem, problemJson, statusText } from '@gatehouse/http-auth'

describe('problem()', () => {
  it('answers application/problem+json with the status phrase as default title', async () => {
    const res = problem({ status: 404 })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await res.json()).toStrictEqual({ title: 'Not Found', status: 404 })
  })

  it('keeps an explicit type without inventing a title, and keeps extensions', async () => {
    const res = problem({ status: 403, type: 'https://api.example/problems/scope', detail: 'no', instance: '/a/1', 'required-scopes': ['articles:write'] })
    expect(await res.json()).toStrictEqual({
      type: 'https://api.example/problems/scope',
      status: 403,
      detail: 'no',
      instance: '/a/1',
      'required-scopes': ['articles:write'],
    })
  })

  it('defaults the title for an explicit about:blank type too, and keeps a given title', () => {
    expect(JSON.parse(problemJson({ status: 400, type: 'about:blank' }))).toStrictEqual({ type: 'about:blank', title: 'Bad Request', status: 400 })
    expect(JSON.parse(problemJson({ status: 400, title: 'Validation error' }))).toStrictEqual({ title: 'Validation error', status: 400 })
  })

  it('merges init headers, keeping every WWW-Authenticate challenge', () => {
    const headers = new Headers()
    headers.append('WWW-Authenticate', 'Bearer realm="api"')
    headers.append('WWW-Authenticate', 'Basic realm="api"')
    headers.set('content-type', 'text/plain')
    headers.set('cache-control', 'no-store')
    const res = problem({ status: 401 }, { headers, status: 200, statusText: 'Nope' })
    expect(res.status).toBe(401)
    expect(res.statusText).toBe('Nope')
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(parseChallengesFromHeaders(res.headers).map((c) => c.scheme)).toStrictEqual(['bearer', 'basic'])
  })

  it('knows the status phrases of RFC 9110', () => {
    expect(statusText(401)).toBe('Unauthorized')
    expect(statusText(422)).toBe('Unprocessable Content')
    expect(statusText(429)).toBe('Too Many Requests')
    expect(statusText(599)).toBe('')
  })
})

describe('parseProblem()', () => {
  it('reads the seed example (RFC 7807 invalid-params)', () => {
    const p = parseProblem({
      type: 'https://myapi.com/validation-error',
      title: 'Validation error',
      detail: 'Your request parameters are not valid.',
      'invalid-params': [{ name: 'data', reason: 'cannot be blank.' }],
    })
    expect(p).toStrictEqual({
      type: 'https://myapi.com/validation-error',
      title: 'Validation error',
      detail: 'Your request parameters are not valid.',
      invalidParams: [{ name: 'data', reason: 'cannot be blank.' }],
      extensions: { 'invalid-params': [{ name: 'data', reason: 'cannot be blank.' }] },
    })
  })

  it('reads the RFC 9457 §3 errors example', () => {
    const p = parseProblem({
      type: 'https://example.net/validation-error',
      title: 'Your request is not valid.',
      errors: [
        { detail: 'must be a positive integer', pointer: '#/age' },
        { detail: "must be 'green', 'red' or 'blue'", pointer: '#/profile/color' },
      ],
    })
    expect(p.invalidParams).toStrictEqual([
      { name: 'age', reason: 'must be a positive integer', pointer: '#/age' },
      { name: 'profile.color', reason: "must be 'green', 'red' or 'blue'", pointer: '#/profile/color' },
    ])
  })

  it('merges both shapes describing the same failures', () => {
    const p = parseProblem({
      status: 400,
      'invalid-params': [{ name: 'limit', reason: 'must be ≤ 100' }, { name: 'q', reason: 'required' }],
      errors: [{ detail: 'must be ≤ 100', pointer: '/limit' }, { detail: 'required', name: 'q' }, { detail: 'bad', pointer: '/a~1b/c~0d' }],
    })
    expect(p.invalidParams).toStrictEqual([
      { name: 'limit', reason: 'must be ≤ 100', pointer: '/limit' },
      { name: 'q', reason: 'required' },
      { name: 'a/b.c~d', reason: 'bad', pointer: '/a~1b/c~0d' },
    ])
  })

  it('merges an errors[].detail written as "<name> <reason>" with its invalid-params entry', () => {
    // The wire shape gatehouse's server sends: each failure in both forms, the 9457 detail readable on its own.
    const p = parseProblem({
      status: 400,
      'invalid-params': [{ name: 'title', reason: 'is required' }],
      errors: [{ detail: 'title is required', pointer: '#/title' }, { detail: 'body is required', pointer: '#/body' }],
    })
    expect(p.invalidParams).toStrictEqual([
      { name: 'title', reason: 'is required', pointer: '#/title' },
      { name: 'body', reason: 'body is required', pointer: '#/body' },
    ])
  })

  it('ignores members of the wrong type (RFC 9457 §3.1) and defaults type', () => {
    expect(parseProblem({ type: 1, status: '400', title: null, detail: {}, instance: [], 'invalid-params': 'x', errors: [1, null, { pointer: 5 }] })).toStrictEqual({
      type: 'about:blank',
      invalidParams: [],
      extensions: { 'invalid-params': 'x', errors: [1, null, { pointer: 5 }] },
    })
    expect(parseProblem({ status: 400.5 }).status).toBeUndefined()
    expect(parseProblem({ status: 99 }).status).toBeUndefined()
  })

  it.each([null, undefined, 1, 'x', [], [{ type: 'a' }], true])('returns an empty problem for %j', (value) => {
    expect(parseProblem(value)).toStrictEqual({ type: 'about:blank', invalidParams: [], extensions: {} })
  })

  it('survives hostile objects', () => {
    const hostile = { get type(): string { throw new Error('boom') } }
    expect(parseProblem(hostile)).toStrictEqual({ type: 'about:blank', invalidParams: [], extensions: {} })
    const revocable = Proxy.revocable({}, {})
    revocable.revoke()
    expect(parseProblem(revocable.proxy)).toStrictEqual({ type: 'about:blank', invalidParams: [], extensions: {} })
  })

  it('keeps a "__proto__" member as an extension, in both directions', () => {
    const p = parseProblem(JSON.parse('{"status":400,"__proto__":{"polluted":true}}'))
    expect(Object.getPrototypeOf(p.extensions)).toBe(Object.prototype)
    expect(Object.hasOwn(p.extensions, '__proto__')).toBe(true)
    expect(p.extensions['__proto__']).toStrictEqual({ polluted: true })
    expect(problemJson({ status: 400, ...p.extensions })).toBe('{"title":"Bad Request","status":400,"__proto__":{"polluted":true}}')
  })

  it('reads what problem() writes', async () => {
    const res = problem({ status: 400, 'invalid-params': [{ name: 'data', reason: 'cannot be blank.' }], errors: [{ detail: 'cannot be blank.', pointer: '#/data' }] })
    const p = parseProblem(await res.json())
    expect(p.title).toBe('Bad Request')
    expect(p.status).toBe(400)
    expect(p.invalidParams).toStrictEqual([{ name: 'data', reason: 'cannot be blank.', pointer: '#/data' }])
  })

  it('merges the two forms by pointer and keeps `in`; an unknown `in` is dropped', () => {
    const p = parseProblem({
      'invalid-params': [
        { name: 'limit', reason: 'is too big', in: 'query', pointer: '#/query/limit' },
        { name: 'limit', reason: 'is too big', in: 'body', pointer: '#/limit' },
        { name: 'x', reason: 'bad', in: 'somewhere' },
      ],
      errors: [
        { detail: 'limit is too big', pointer: '#/query/limit' },
        { detail: 'limit is too big', pointer: '#/limit' },
        { detail: 'other', pointer: '#/other' },
      ],
    })
    expect(p.invalidParams).toStrictEqual([
      { name: 'limit', reason: 'is too big', in: 'query', pointer: '#/query/limit' },
      { name: 'limit', reason: 'is too big', in: 'body', pointer: '#/limit' },
      { name: 'x', reason: 'bad' },
      { name: 'other', reason: 'other', pointer: '#/other' },
    ])
  })
})
