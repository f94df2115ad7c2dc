import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { AuthError, AuthErrorCode } from './auth.errors';
import { hashPassword } from './password';
import { Role } from './role';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';
import { Clock } from '../common/clock';
import { LoginThrottleRepository } from './login-throttle.repository';

export interface UserInput {
  email: string;
  fullName: string;
  password: string;
  role: Role;
  jurisdictions?: string[];
  organizations?: string[];
}

export interface UserChanges {
  fullName?: string;
  password?: string;
  role?: Role;
  isActive?: boolean;
  jurisdictions?: string[];
  organizations?: string[];
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly config: ConfigService<EnvironmentVariables, true>,
    private readonly clock: Clock,
    private readonly throttles: LoginThrottleRepository,
  ) {}

  async create(input: UserInput): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const jurisdictions = unique(input.jurisdictions);
    const organizations = unique(input.organizations);
    await this.checkScopes(input.role, jurisdictions, organizations);
    if (await this.users.existsByEmail(email)) throw new AuthError(AuthErrorCode.USER_EMAIL_TAKEN, { email });
    const passwordHash = await hashPassword(input.password);
    const id = await this.users.transaction(async (manager) => {
      const saved = await manager.save(
        User,
        manager.create(User, { email, fullName: input.fullName.trim(), passwordHash, role: input.role }),
      );
      await this.users.replaceScopes(manager, saved.id, jurisdictions, organizations);
      return saved.id;
    });
    return this.get(id);
  }

  /**
   * A new password or a block ends every session and API token of the user: whoever held the old
   * password (or the blocked account) keeps nothing, and unblocking revives none of them. When users
   * change their own password, the token of that request is kept (`keepTokenId`).
   */
  async update(id: string, changes: UserChanges, keepTokenId?: string): Promise<User> {
    const current = await this.get(id);
    const role = changes.role ?? current.role;
    const jurisdictions = changes.jurisdictions
      ? unique(changes.jurisdictions)
      : (current.jurisdictionScopes ?? []).map((s) => s.jurisdictionCode);
    const organizations = changes.organizations
      ? unique(changes.organizations)
      : (current.organizationScopes ?? []).map((s) => s.organizationId);
    await this.checkScopes(role, jurisdictions, organizations);
    const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
    await this.users.transaction(async (manager) => {
      await manager.update(
        User,
        { id },
        {
          role,
          ...(changes.fullName !== undefined && { fullName: changes.fullName.trim() }),
          ...(changes.isActive !== undefined && { isActive: changes.isActive }),
          ...(passwordHash && { passwordHash }),
        },
      );
      await this.users.replaceScopes(manager, id, jurisdictions, organizations);
      if (passwordHash || changes.isActive === false) {
        await this.users.revokeTokens(
          manager,
          id,
          this.clock.now(),
          changes.isActive === false ? undefined : keepTokenId,
        );
      }
    });
    if (passwordHash) await this.throttles.clear(current.email, this.clock.now());
    return this.get(id);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findWithScopes(id);
    if (!user) throw new AuthError(AuthErrorCode.USER_NOT_FOUND, { userId: id });
    return user;
  }

  list(): Promise<User[]> {
    return this.users.listWithScopes();
  }

  /**
   * First start: with ADMIN_EMAIL/ADMIN_PASSWORD that admin is created; on the embedded default
   * with neither set, `admin@localhost` gets a random password printed once.
   */
  async ensureInitialAdmin(embedded: boolean): Promise<void> {
    if ((await this.users.countUsers()) > 0) return;
    const email = this.config.get('ADMIN_EMAIL', { infer: true });
    const password = this.config.get('ADMIN_PASSWORD', { infer: true });
    if (email && password) {
      await this.create({ email, password, fullName: 'Администратор', role: Role.Admin });
      this.logger.log(`Created the first admin ${email} from ADMIN_EMAIL`);
      return;
    }
    if (!embedded) {
      this.logger.warn('No users yet: set ADMIN_EMAIL and ADMIN_PASSWORD or run `npm run cli -- user:create`');
      return;
    }
    const generated = randomBytes(12).toString('base64url');
    await this.create({ email: 'admin@localhost', password: generated, fullName: 'Администратор', role: Role.Admin });
    // Printed on the console only (not through the structured log), and only this once.
    process.stdout.write(
      `\n  First start: created admin@localhost with password ${generated}\n  Store it now; it is not shown again.\n\n`,
    );
  }

  private async checkScopes(role: Role, jurisdictions: string[], organizations: string[]) {
    const fits =
      role === Role.Coordinator
        ? jurisdictions.length > 0 && organizations.length === 0
        : role === Role.Editor
          ? organizations.length > 0 && jurisdictions.length === 0
          : jurisdictions.length === 0 && organizations.length === 0;
    if (!fits) throw new AuthError(AuthErrorCode.SCOPE_MISMATCH, { role });
    const missingJurisdictions = await this.users.missingJurisdictions(jurisdictions);
    if (missingJurisdictions.length) {
      throw new AuthError(AuthErrorCode.UNKNOWN_JURISDICTION, { jurisdictions: missingJurisdictions });
    }
    const missingOrganizations = await this.users.missingOrganizations(organizations);
    if (missingOrganizations.length) {
      throw new AuthError(AuthErrorCode.UNKNOWN_ORGANIZATION, { organizations: missingOrganizations });
    }
  }
}

function unique(values: string[] | undefined): string[] {
  return [...new Set(values ?? [])];
}
