import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Jurisdiction } from '../calendar/jurisdiction.entity';
import { Organization } from '../registry/organization.entity';
import { OfficialPage } from '../registry/page.entity';
import { User, UserJurisdictionScope, UserOrganizationScope } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findActiveByEmailWithHash(email: string) {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.is_active', { email })
      .getOne();
  }

  findWithScopes(id: string) {
    return this.dataSource.getRepository(User).findOne({
      where: { id },
      relations: { jurisdictionScopes: true, organizationScopes: true },
    });
  }

  listWithScopes() {
    return this.dataSource.getRepository(User).find({
      relations: { jurisdictionScopes: true, organizationScopes: true },
      order: { email: 'ASC' },
    });
  }

  /** Ends the user's sessions and API tokens, but for `keepTokenId`. */
  async revokeTokens(manager: EntityManager, userId: string, now: Date, keepTokenId?: string) {
    await manager.query(
      `UPDATE auth_tokens SET revoked_at = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [userId, now, keepTokenId ?? null],
    );
  }

  existsByEmail(email: string) {
    return this.dataSource.getRepository(User).exists({ where: { email } });
  }

  countUsers() {
    return this.dataSource.getRepository(User).count();
  }

  async missingJurisdictions(codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const found = await this.dataSource
      .getRepository(Jurisdiction)
      .find({ where: { code: In(codes) }, select: { code: true } });
    const known = new Set(found.map((j) => j.code));
    return codes.filter((c) => !known.has(c));
  }

  async missingOrganizations(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const found = await this.dataSource
      .getRepository(Organization)
      .find({ where: { id: In(ids) }, select: { id: true } });
    const known = new Set(found.map((o) => o.id));
    return ids.filter((id) => !known.has(id));
  }

  /** Replaces a user's scopes in the caller's transaction. */
  async replaceScopes(manager: EntityManager, userId: string, jurisdictions: string[], organizations: string[]) {
    await manager.delete(UserJurisdictionScope, { userId });
    await manager.delete(UserOrganizationScope, { userId });
    if (jurisdictions.length) {
      await manager.insert(
        UserJurisdictionScope,
        jurisdictions.map((jurisdictionCode) => ({ userId, jurisdictionCode })),
      );
    }
    if (organizations.length) {
      await manager.insert(
        UserOrganizationScope,
        organizations.map((organizationId) => ({ userId, organizationId })),
      );
    }
  }

  async jurisdictionOfOrganization(id: string): Promise<string | undefined> {
    const org = await this.dataSource
      .getRepository(Organization)
      .findOne({ where: { id }, select: { id: true, jurisdictionCode: true } });
    return org?.jurisdictionCode;
  }

  async organizationOfPage(id: string): Promise<string | undefined> {
    const page = await this.dataSource
      .getRepository(OfficialPage)
      .findOne({ where: { id }, select: { id: true, organizationId: true } });
    return page?.organizationId;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>) {
    return this.dataSource.transaction(work);
  }
}
