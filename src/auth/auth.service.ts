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
import { PreparedStatements } from '../database/prepared';
import { LoginThrottleRepository, normalizeEmail } from './login-throttle.repository';

/** Last-use time is written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly config: ConfigService<EnvironmentVariables, true>,
    private readonly clock: Clock,
    private readonly prepared: PreparedStatements,
    private readonly throttles: LoginThrottleRepository,
  ) {}

  async login(email: string, password: string) {
    const now = this.clock.now();
    const verdict = await this.throttles.reserveAttempt(email, now);
    if (!verdict.allowed) {
      const retryAfterSeconds = Math.ceil(verdict.retryAfterMs / 1000);
      throw new AuthError(AuthErrorCode.LOGIN_PAUSED, { retryAfterSeconds });
    }
    const user = await this.users.findActiveByEmailWithHash(normalizeEmail(email));
    if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
      throw new AuthError(AuthErrorCode.INVALID_CREDENTIALS);
    }
    await this.throttles.clear(email, now);
    const expiresAt = new Date(now.getTime() + this.config.get('SESSION_TTL_HOURS', { infer: true }) * 3_600_000);
    const { token, digest } = newToken(TokenKind.Session);
    await this.tokens().insert({ userId: user.id, kind: TokenKind.Session, digest, expiresAt, name: null });
    return { token, expiresAt, userId: user.id };
  }

  /**
   * Resolves a bearer token to the caller, or throws 401. Every request asks the database (a
   * revoked token or a deactivated user is refused at once), in one statement: token, user and
   * scopes together.
   */
  async authenticate(token: string): Promise<Principal> {
    const [row] = await this.prepared.query<
      Principal & {
        expiresAt: Date | null;
        lastUsedAt: Date | null;
        isActive: boolean;
      }
    >(
      'auth.authenticate',
      `SELECT t.id AS "tokenId", t.kind AS "tokenKind", t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt",
              u.id AS "userId", u.email, u.full_name AS "fullName", u.role, u.is_active AS "isActive",
              ARRAY(SELECT s.jurisdiction_code::text COLLATE "C" AS code FROM user_jurisdiction_scopes s
                     WHERE s.user_id = u.id ORDER BY code) AS jurisdictions,
              ARRAY(SELECT s.organization_id::text COLLATE "C" AS id FROM user_organization_scopes s
                     WHERE s.user_id = u.id ORDER BY id) AS organizations
         FROM auth_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.digest = $1 AND t.revoked_at IS NULL`,
      [digestToken(token)],
    );
    const now = this.clock.now();
    if (!row || !row.isActive || (row.expiresAt && row.expiresAt <= now)) {
      throw new AuthError(AuthErrorCode.TOKEN_INVALID);
    }
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.tokens().update({ id: row.tokenId }, { lastUsedAt: now });
    }
    return {
      userId: row.userId,
      email: row.email,
      fullName: row.fullName,
      role: row.role,
      jurisdictions: row.jurisdictions,
      organizations: row.organizations,
      tokenId: row.tokenId,
      tokenKind: row.tokenKind,
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
