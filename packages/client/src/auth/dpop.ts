// DPoP (RFC 9449), loaded by the first request of a client given a `dpop` signer (its own
// chunk): clients without one never download the proofs or the nonce retry.
import type { Challenge } from '../http-auth.js'
import type { DpopSigner } from '../options.js'
import type { Attempts } from '../result/failure.js'
import type { Bound } from './credentials.js'

/** A client's DPoP state: the signer and the last nonce a server asked for (RFC 9449 §8). */
export interface Dpop {
  /** Sends each bearer token of this attempt as `Authorization: DPoP …` with a fresh `DPoP` proof of it (RFC 9449 §7.1). */
  sign(headers: Record<string, string>, url: string, method: string, creds: Bound[], sent: (string | undefined)[]): Promise<void>
  /** After a 401: whether it asks for the nonce it carries (`use_dpop_nonce`, RFC 9449 §8), so the call sends again with it, once. */
  nonceRetry(res: Response, challenges: Challenge[], tries: Attempts): boolean
}

/** The DPoP state of one client. */
export function createDpop(signer: DpopSigner): Dpop {
  let nonce: string | undefined
  return {
    async sign(headers, url, method, creds, sent) {
      for (let i = 0; i < creds.length; i++) {
        const accessToken = sent[i]
        if (accessToken === undefined || creds[i]!.kind !== 'bearer') continue
        // htu is the URL without query and fragment (RFC 9449 §4.2).
        headers.dpop = await signer.proof({ method, url: url.split(/[?#]/)[0]!, accessToken, ...(nonce && { nonce }) })
        headers.authorization = 'DPoP ' + accessToken
      }
    },
    nonceRetry(res, challenges, tries) {
      const given = res.headers.get('dpop-nonce')
      if (!given || tries.nonceRetried || !challenges.some((c) => c.scheme === 'dpop' && c.params.error === 'use_dpop_nonce')) return false
      nonce = given
      return (tries.nonceRetried = true)
    },
  }
}
