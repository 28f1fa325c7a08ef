import { TokenVerifier, type TokenVerifierOptions } from '../../../../libs/auth/src';
import type { Principal, PrincipalRequest, PrincipalResolver } from '../principal/principal';

/** The caller is whoever the bearer JWT says, once jose has checked its signature, expiry, issuer and audience. */
export class JwtPrincipalResolver implements PrincipalResolver {
  private readonly verifier: TokenVerifier;

  constructor(options: TokenVerifierOptions | TokenVerifier) {
    this.verifier = options instanceof TokenVerifier ? options : new TokenVerifier(options);
  }

  resolve(request: PrincipalRequest): Promise<Principal> {
    const header = request.headers.authorization;
    return this.verifier.verify(Array.isArray(header) ? header[0] : header);
  }
}
