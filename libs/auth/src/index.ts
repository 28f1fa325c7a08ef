export * from './principal';
export * from './auth.errors';
export * from './token.verifier';
export * from './token.minter';
export * from './auth-secret';
export * from './cached-token.verifier';
