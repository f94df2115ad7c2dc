import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '../common/clock';
import { EnvironmentVariables } from '../config/env.validation';
import { AuthToken, TokenKind } from './auth-token.entity';
import { AuthError, AuthErrorCode } from './auth.errors';
import { verifyPassword } from './password';
import { Principal } from './principal';
import { digestToken, newToken } from './token';
import { UsersRepository } from './users.repository';

/** Last-use time is written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly config: ConfigService<EnvironmentVariables, true>,
    private readonly clock: Clock,
  ) {}

  async login(email: string, password: string) {
    const user = await this.users.findActiveByEmailWithHash(email.trim().toLowerCase());
    if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
      throw new AuthError(AuthErrorCode.INVALID_CREDENTIALS);
    }
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.get('SESSION_TTL_HOURS', { infer: true }) * 3_600_000);
    const { token, digest } = newToken(TokenKind.Session);
    await this.tokens().insert({ userId: user.id, kind: TokenKind.Session, digest, expiresAt, name: null });
    return { token, expiresAt, userId: user.id };
  }

  /** Resolves a bearer token to the caller, or throws 401. */
  async authenticate(token: string): Promise<Principal> {
    const row = await this.tokens().findOne({ where: { digest: digestToken(token), revokedAt: IsNull() } });
    const now = this.clock.now();
    if (!row || (row.expiresAt && row.expiresAt <= now)) throw new AuthError(AuthErrorCode.TOKEN_INVALID);
    const user = await this.users.findWithScopes(row.userId);
    if (!user || !user.isActive) throw new AuthError(AuthErrorCode.TOKEN_INVALID);
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.tokens().update({ id: row.id }, { lastUsedAt: now });
    }
    return {
      userId: user.id,
      email: user.email,
      fullName: user.fullName,
      role: user.role,
      jurisdictions: (user.jurisdictionScopes ?? []).map((s) => s.jurisdictionCode).sort(),
      organizations: (user.organizationScopes ?? []).map((s) => s.organizationId).sort(),
      tokenId: row.id,
      tokenKind: row.kind,
    };
  }

  async revoke(principal: Principal, tokenId: string) {
    const result = await this.tokens().update(
      { id: tokenId, userId: principal.userId, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
    if (!result.affected) throw new AuthError(AuthErrorCode.TOKEN_NOT_FOUND, { tokenId });
  }

  async createApiToken(principal: Principal, name: string, expiresInDays?: number) {
    const now = this.clock.now();
    const expiresAt = expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000) : null;
    const { token, digest } = newToken(TokenKind.Api);
    const saved = await this.tokens().save(
      this.tokens().create({ userId: principal.userId, kind: TokenKind.Api, name, digest, expiresAt }),
    );
    return { token, record: saved };
  }

  listApiTokens(principal: Principal) {
    return this.tokens().find({
      where: { userId: principal.userId, kind: TokenKind.Api },
      order: { createdAt: 'DESC' },
    });
  }

  private tokens() {
    return this.dataSource.getRepository(AuthToken);
  }
}
