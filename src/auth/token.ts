import { createHash, randomBytes } from 'node:crypto';
import { TokenKind } from './auth-token.entity';

const PREFIX: Record<TokenKind, string> = { [TokenKind.Session]: 'ops_', [TokenKind.Api]: 'opa_' };

export function newToken(kind: TokenKind): { token: string; digest: string } {
  const token = PREFIX[kind] + randomBytes(32).toString('base64url');
  return { token, digest: digestToken(token) };
}

export function digestToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
