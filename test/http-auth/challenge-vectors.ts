// WWW-Authenticate vectors: [description, field value, expected challenges or { code, offset }].
// Expected values are written from the RFC text, not from the parser's output.
import type { Challenge, ChallengeParseErrorCode } from '@gatehouse/http-auth'

export type Vector = [name: string, input: string, expected: Challenge[] | { code: ChallengeParseErrorCode; offset: number }]

const c = (scheme: string, params: Record<string, string> = {}): Challenge => ({ scheme, params })
const t68 = (scheme: string, token68: string): Challenge => ({ scheme, params: {}, token68 })

const RM = 'https://resource.example.com/.well-known/oauth-protected-resource'
const DIGEST_SHA256 =
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"'
const DIGEST_MD5 =
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"'
const digestParams = (algorithm: string) => ({
  realm: 'http-auth@example.org',
  qop: 'auth, auth-int',
  algorithm,
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
})

export const valid: Vector[] = [
  // --- list structure (RFC 9110 §5.6.1, §11.6.1)
  ['empty field value', '', []],
  ['only empty list elements', ' , ,, ', []],
  ['scheme alone', 'Basic', [c('basic')]],
  ['several bare schemes', 'Negotiate, NTLM, Basic', [c('negotiate'), c('ntlm'), c('basic')]],
  ['leading and trailing OWS', '  Basic realm="x"\t ', [c('basic', { realm: 'x' })]],
  ['leading empty elements', ', , Basic realm="x"', [c('basic', { realm: 'x' })]],
  ['trailing empty elements', 'Basic realm="x",, ,', [c('basic', { realm: 'x' })]],
  ['empty elements between params', 'Basic realm="x",, ,charset="UTF-8"', [c('basic', { realm: 'x', charset: 'UTF-8' })]],
  ['scheme SP then an empty param element keeps the param list open', 'Basic , realm="x"', [c('basic', { realm: 'x' })]],
  ['scheme followed by spaces only', 'Basic   ', [c('basic')]],
  ['scheme SP comma then next challenge', 'Basic , Bearer', [c('basic'), c('bearer')]],
  ['several SP after the scheme', 'Basic    realm="x"', [c('basic', { realm: 'x' })]],
  ['OWS before a comma', 'Basic realm="x"  , Bearer', [c('basic', { realm: 'x' }), c('bearer')]],
  ['tab before a comma after a scheme', 'Basic\t, Bearer', [c('basic'), c('bearer')]],
  ['no OWS around commas', 'Basic realm="a",charset="UTF-8",Bearer realm="b"', [c('basic', { realm: 'a', charset: 'UTF-8' }), c('bearer', { realm: 'b' })]],
  // --- case (RFC 9110 §11.1, §11.2)
  ['scheme and names lowercased, values kept', 'BASIC REALM="Simple"', [c('basic', { realm: 'Simple' })]],
  ['mixed case', 'bEaReR Realm="X", ErRoR="invalid_token"', [c('bearer', { realm: 'X', error: 'invalid_token' })]],
  ['token68 case kept', 'Negotiate AbC+/=', [t68('negotiate', 'AbC+/=')]],
  // --- BWS around "=" (RFC 9110 §11.2)
  ['SP around =', 'Basic realm = "x"', [c('basic', { realm: 'x' })]],
  ['SP before =', 'Basic realm ="x"', [c('basic', { realm: 'x' })]],
  ['SP after =', 'Basic realm= "x"', [c('basic', { realm: 'x' })]],
  ['tabs around =', 'Basic realm\t=\tx', [c('basic', { realm: 'x' })]],
  ['BWS with a token value', 'Newauth type = 1', [c('newauth', { type: '1' })]],
  // --- values: token and quoted-string (RFC 9110 §5.6.2, §5.6.4)
  ['token value', 'Bearer error=invalid_token', [c('bearer', { error: 'invalid_token' })]],
  ['every tchar in a token value', "X v=!#$%&'*+-.^_`|~09azAZ", [c('x', { v: "!#$%&'*+-.^_`|~09azAZ" })]],
  ['empty quoted-string', 'Basic realm=""', [c('basic', { realm: '' })]],
  ['comma and = inside quotes', 'Basic realm="a, b=c", charset="UTF-8"', [c('basic', { realm: 'a, b=c', charset: 'UTF-8' })]],
  ['escaped quote and backslash', 'Basic realm="a\\"b\\\\c"', [c('basic', { realm: 'a"b\\c' })]],
  ['escaped ordinary character', 'Basic realm="\\a\\b"', [c('basic', { realm: 'ab' })]],
  ['escaped comma', 'Basic realm="a\\,b", x=y', [c('basic', { realm: 'a,b', x: 'y' })]],
  ['only escapes', 'X v="\\\\\\\\\\""', [c('x', { v: '\\\\"' })]],
  ['tab and space inside quotes', 'Basic realm="a\tb c"', [c('basic', { realm: 'a\tb c' })]],
  ['obs-text inside quotes', 'Basic realm="caf\u00e9 \u00ff"', [c('basic', { realm: 'caf\u00e9 \u00ff' })]],
  ['quoted-pair with obs-text', 'Basic realm="\\\u00e9"', [c('basic', { realm: '\u00e9' })]],
  ['quotes in a value followed by another challenge', 'A x="\\"", B y="\\\\"', [c('a', { x: '"' }), c('b', { y: '\\' })]],
  ['a quoted value that looks like a challenge', 'Basic realm="Bearer realm=x, Negotiate"', [c('basic', { realm: 'Bearer realm=x, Negotiate' })]],
  // --- names that are Object.prototype members are ordinary names
  ['constructor as a name', 'X constructor=1, toString=2', [c('x', { constructor: '1', tostring: '2' })]],
  ['__proto__ as a name', 'X __proto__=1', [c('x', { ['__proto__']: '1' })]],
  ['same name in two challenges', 'Basic realm="a", Bearer realm="b"', [c('basic', { realm: 'a' }), c('bearer', { realm: 'b' })]],
  // --- token68 (RFC 9110 §11.2; RFC 4559 Negotiate)
  ['Negotiate with a token68', 'Negotiate YIIJvwYGKwYBBQUCoIIJszCCCa+gJDAi/w==', [t68('negotiate', 'YIIJvwYGKwYBBQUCoIIJszCCCa+gJDAi/w==')]],
  ['every token68 character', 'X aZ09-._~+/==', [t68('x', 'aZ09-._~+/==')]],
  ['token68 then another challenge', 'Negotiate abc==, Basic realm="x"', [t68('negotiate', 'abc=='), c('basic', { realm: 'x' })]],
  ['token68 with OWS before the comma', 'Negotiate abc  , NTLM', [t68('negotiate', 'abc'), c('ntlm')]],
  ['a lone word after the scheme is a token68', 'Basic realm', [t68('basic', 'realm')]],
  // `realm=` cannot be an auth-param: auth-param = token BWS "=" BWS ( token / quoted-string ) needs a
  // non-empty value, so the only derivation the grammar allows is token68 = "realm" followed by "=" padding.
  ['Bearer realm= is a token68', 'Bearer realm=', [t68('bearer', 'realm=')]],
  ['Bearer realm== is a token68', 'Bearer realm==', [t68('bearer', 'realm==')]],
  ['token68 ending in = then another challenge', 'Bearer abc=, Basic', [t68('bearer', 'abc='), c('basic')]],
  ['token68 with slash (not a tchar)', 'X a/b', [t68('x', 'a/b')]],
  // --- RFC 9110 §11.6.1 example, both orders
  [
    'RFC 9110 Newauth + Basic',
    'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"',
    [c('newauth', { realm: 'apps', type: '1', title: 'Login to "apps"' }), c('basic', { realm: 'simple' })],
  ],
  [
    'RFC 9110 Basic + Newauth',
    'Basic realm="simple", Newauth realm="apps", type=1, title="Login to \\"apps\\""',
    [c('basic', { realm: 'simple' }), c('newauth', { realm: 'apps', type: '1', title: 'Login to "apps"' })],
  ],
  // --- RFC 7617 (Basic)
  ['RFC 7617 §2', 'Basic realm="WallyWorld"', [c('basic', { realm: 'WallyWorld' })]],
  ['RFC 7617 §2.1 charset', 'Basic realm="foo", charset="UTF-8"', [c('basic', { realm: 'foo', charset: 'UTF-8' })]],
  // --- RFC 7616 (Digest) §3.9.1: two challenges sent as two fields, joined by fetch
  ['RFC 7616 SHA-256 challenge', DIGEST_SHA256, [c('digest', digestParams('SHA-256'))]],
  ['RFC 7616 both challenges joined', `${DIGEST_SHA256}, ${DIGEST_MD5}`, [c('digest', digestParams('SHA-256')), c('digest', digestParams('MD5'))]],
  ['Digest with stale and userhash', 'Digest realm="r", nonce="n", stale=true, userhash=true', [c('digest', { realm: 'r', nonce: 'n', stale: 'true', userhash: 'true' })]],
  // --- RFC 6750 (Bearer) §3
  ['RFC 6750 no credentials', 'Bearer realm="example"', [c('bearer', { realm: 'example' })]],
  [
    'RFC 6750 invalid_token',
    'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
    [c('bearer', { realm: 'example', error: 'invalid_token', error_description: 'The access token expired' })],
  ],
  [
    'RFC 6750 insufficient_scope with scope list',
    'Bearer realm="example", error="insufficient_scope", scope="articles:write openid"',
    [c('bearer', { realm: 'example', error: 'insufficient_scope', scope: 'articles:write openid' })],
  ],
  ['RFC 6750 invalid_request with error_uri', 'Bearer error="invalid_request", error_uri="https://example.com/e"', [c('bearer', { error: 'invalid_request', error_uri: 'https://example.com/e' })]],
  ['bare Bearer', 'Bearer', [c('bearer')]],
  // --- RFC 9449 (DPoP)
  ['RFC 9449 §7.1 algs', 'DPoP algs="ES256 PS256"', [c('dpop', { algs: 'ES256 PS256' })]],
  [
    'RFC 9449 §9 use_dpop_nonce',
    'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"',
    [c('dpop', { error: 'use_dpop_nonce', error_description: 'Resource server requires nonce in DPoP proof' })],
  ],
  ['RFC 9449 invalid_dpop_proof with algs', 'DPoP error="invalid_dpop_proof", algs="ES256"', [c('dpop', { error: 'invalid_dpop_proof', algs: 'ES256' })]],
  ['Bearer and DPoP offered together', 'Bearer realm="api", DPoP algs="ES256 EdDSA"', [c('bearer', { realm: 'api' }), c('dpop', { algs: 'ES256 EdDSA' })]],
  // --- RFC 9470 (step-up) §3
  [
    'RFC 9470 acr_values',
    'Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="myACR"',
    [c('bearer', { error: 'insufficient_user_authentication', error_description: 'A different authentication level is required', acr_values: 'myACR' })],
  ],
  [
    'RFC 9470 max_age',
    'Bearer error="insufficient_user_authentication", error_description="More recent authentication is required", max_age="5"',
    [c('bearer', { error: 'insufficient_user_authentication', error_description: 'More recent authentication is required', max_age: '5' })],
  ],
  // --- RFC 9728 §5.1
  ['RFC 9728 resource_metadata', `Bearer resource_metadata="${RM}"`, [c('bearer', { resource_metadata: RM })]],
  [
    'RFC 9728 with an error',
    `Bearer error="invalid_request", error_description="No access token was provided in this request", resource_metadata="${RM}"`,
    [c('bearer', { error: 'invalid_request', error_description: 'No access token was provided in this request', resource_metadata: RM })],
  ],
  // --- other registered schemes
  ['HOBA (RFC 7486)', 'HOBA challenge="abc==", max-age="10"', [c('hoba', { challenge: 'abc==', 'max-age': '10' })]],
  ['SCRAM (RFC 7804)', 'SCRAM-SHA-256 realm="testrealm@example.com", SCRAM-SHA-1 realm="testrealm@example.com"', [c('scram-sha-256', { realm: 'testrealm@example.com' }), c('scram-sha-1', { realm: 'testrealm@example.com' })]],
  ['Basic + Digest + Newauth', 'Basic realm="a", Digest realm="b", nonce="n", Newauth realm="c"', [c('basic', { realm: 'a' }), c('digest', { realm: 'b', nonce: 'n' }), c('newauth', { realm: 'c' })]],
]

export const malformed: Vector[] = [
  ['lone =', '=', { code: 'expected-token', offset: 0 }],
  ['quoted scheme', '"Basic"', { code: 'expected-token', offset: 0 }],
  ['element starting with = after a comma', ', =', { code: 'expected-token', offset: 2 }],
  ['NUL after a comma', 'Basic realm="x",\u0000', { code: 'expected-token', offset: 16 }],
  ['unterminated quoted-string', 'Basic realm="x', { code: 'unterminated-quoted-string', offset: 14 }],
  ['backslash at the end of a quoted-string', 'Basic realm="a\\', { code: 'unterminated-quoted-string', offset: 15 }],
  ['escaped closing quote leaves the string open', 'Basic realm="a\\"', { code: 'unterminated-quoted-string', offset: 16 }],
  ['duplicate parameter', 'Basic realm="a", realm="b"', { code: 'duplicate-parameter', offset: 17 }],
  ['duplicate parameter differing in case', 'Basic realm="a", REALM="b"', { code: 'duplicate-parameter', offset: 17 }],
  ['duplicate after another parameter', 'Basic realm="x", title="y", realm="z"', { code: 'duplicate-parameter', offset: 28 }],
  ['duplicate token values', 'Bearer a=1, a=2', { code: 'duplicate-parameter', offset: 12 }],
  ['duplicate in the second challenge', 'Bearer realm="x" , , Basic realm="y", realm="z"', { code: 'duplicate-parameter', offset: 38 }],
  ['two words after the scheme', 'Basic foo bar', { code: 'expected-equals', offset: 10 }],
  ['Bearer a b', 'Bearer a b', { code: 'expected-equals', offset: 9 }],
  ['token68 followed by a word', 'Negotiate abc def', { code: 'expected-equals', offset: 14 }],
  ['tchar that is not token68, no =', 'Basic foo!', { code: 'expected-equals', offset: 10 }],
  ['param without SP after the scheme', 'Basic, realm="x"', { code: 'parameter-without-challenge', offset: 7 }],
  ['param with no scheme', 'realm="x"', { code: 'parameter-without-challenge', offset: 0 }],
  ['param after a token68', 'Negotiate abc, realm="x"', { code: 'parameter-without-challenge', offset: 15 }],
  ['param after a token68 ending in =', 'Basic realm= , x=y', { code: 'parameter-without-challenge', offset: 15 }],
  ['missing value at the end', 'Basic realm = ', { code: 'expected-value', offset: 14 }],
  ['= as a value', 'Bearer a==b', { code: 'expected-value', offset: 9 }],
  ['obs-text outside quotes', 'Basic realm=\u00e9', { code: 'expected-value', offset: 12 }],
  ['missing value before a comma', 'Basic realm=x, title=, y=z', { code: 'expected-value', offset: 21 }],
  ['junk after a quoted value', 'Basic realm="a" b', { code: 'expected-comma', offset: 16 }],
  ['quote after a token value', 'Basic realm=a"b"', { code: 'expected-comma', offset: 13 }],
  ['second = after a value', 'Bearer a=b=c', { code: 'expected-comma', offset: 10 }],
  ['missing comma between params', 'Newauth realm="apps", type=1 title="x"', { code: 'expected-comma', offset: 29 }],
  ['semicolon as a separator', 'Basic realm="x"; charset="UTF-8"', { code: 'expected-comma', offset: 15 }],
  ['missing comma between quoted params', 'Bearer error="invalid_token" error_description="x"', { code: 'expected-comma', offset: 29 }],
  ['NUL after a value', 'Basic realm="x"\u0000', { code: 'expected-comma', offset: 15 }],
  ['tab instead of SP after the scheme', 'Basic\trealm="x"', { code: 'expected-comma', offset: 6 }],
  ['SP then tab before the first param', 'Basic \trealm="x"', { code: 'unexpected-character', offset: 6 }],
  ['slash right after the scheme', 'Bearer/1', { code: 'unexpected-character', offset: 6 }],
  ['non-Latin-1 in a scheme', 'Bas\u00e9c', { code: 'unexpected-character', offset: 3 }],
  ['quoted-string where a token68 or param is expected', 'Bearer "x"', { code: 'expected-token', offset: 7 }],
  // BWS lets `scheme =x` read as an auth-param named like the scheme, so these fail as params with no challenge.
  ['token68 made of padding only', 'Bearer ==', { code: 'parameter-without-challenge', offset: 0 }],
  ['token68 starting with =', 'Negotiate =abc', { code: 'parameter-without-challenge', offset: 0 }],
  ['scheme-like param after a param list is a param', 'Basic realm=x, Negotiate =abc, realm=y', { code: 'duplicate-parameter', offset: 31 }],
  ['NUL in quotes', 'Basic realm="a\u0000"', { code: 'invalid-character', offset: 14 }],
  ['CR LF in quotes', 'Basic realm="a\r\nb"', { code: 'invalid-character', offset: 14 }],
  ['DEL in quotes', 'Basic realm="\u007f"', { code: 'invalid-character', offset: 13 }],
  ['character above U+00FF in quotes', 'Basic realm="\u0100"', { code: 'invalid-character', offset: 13 }],
  ['quoted-pair escaping NUL', 'Basic realm="a\\\u0000"', { code: 'invalid-character', offset: 15 }],
  ['quoted-pair escaping LF', 'Basic realm="\\\n"', { code: 'invalid-character', offset: 14 }],
]
