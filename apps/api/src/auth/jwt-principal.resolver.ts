import { CachedTokenVerifier, TokenVerifier, type TokenVerification, type TokenVerifierOptions } from '../../../../libs/auth/src';
import type { Principal, PrincipalRequest, PrincipalResolver } from '../principal/principal';

/** The caller is whoever the bearer JWT says, once jose has checked its signature, expiry, issuer and audience. */
export class JwtPrincipalResolver implements PrincipalResolver {
  private readonly verifier: TokenVerification;

  constructor(options: TokenVerifierOptions | TokenVerifier) {
    // The cache sits in front of the verifier and only replays its acceptances (never past exp).
    this.verifier = new CachedTokenVerifier(options instanceof TokenVerifier ? options : new TokenVerifier(options));
  }

  resolve(request: PrincipalRequest): Promise<Principal> {
    const header = request.headers.authorization;
    return this.verifier.verify(Array.isArray(header) ? header[0] : header);
  }
}
