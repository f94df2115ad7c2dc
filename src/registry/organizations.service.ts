import { Injectable } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { CreateOrganizationDto } from './dto/organization.dto';
import { Organization } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';
import { visibilityOf } from './visibility';
import { RegistryError, RegistryErrorCode } from './registry.errors';

@Injectable()
export class OrganizationsService {
  constructor(private readonly organizations: OrganizationsRepository) {}

  async create(input: CreateOrganizationDto): Promise<Organization> {
    if (!(await this.organizations.jurisdictionExists(input.jurisdiction))) {
      throw new RegistryError(RegistryErrorCode.JURISDICTION_NOT_FOUND, {}, [
        { field: 'jurisdiction', message: 'такой территории нет' },
      ]);
    }
    if (input.parentId) {
      const parent = await this.organizations.findById(input.parentId);
      if (!parent) throw new RegistryError(RegistryErrorCode.PARENT_NOT_FOUND, { parentId: input.parentId });
      if (parent.jurisdictionCode !== input.jurisdiction) {
        throw new RegistryError(RegistryErrorCode.PARENT_OTHER_JURISDICTION, { parentId: input.parentId });
      }
    }
    return this.organizations.insert({
      jurisdictionCode: input.jurisdiction,
      name: input.name.trim(),
      kind: input.kind,
      parentId: input.parentId ?? null,
      website: input.website ?? null,
    });
  }

  async get(id: string): Promise<Organization> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw new RegistryError(RegistryErrorCode.ORGANIZATION_NOT_FOUND, { organizationId: id });
    return organization;
  }

  list(principal: Principal, jurisdiction?: string): Promise<Organization[]> {
    return this.organizations.findVisible(visibilityOf(principal), jurisdiction);
  }
}
