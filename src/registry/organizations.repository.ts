import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Jurisdiction } from '../calendar/jurisdiction.entity';
import { Organization } from './organization.entity';
import type { Visibility } from './visibility';

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(Organization);
  }

  findById(id: string) {
    return this.repo.findOne({ where: { id } });
  }

  jurisdictionExists(code: string) {
    return this.dataSource.getRepository(Jurisdiction).exists({ where: { code } });
  }

  insert(values: Pick<Organization, 'jurisdictionCode' | 'name' | 'kind' | 'parentId' | 'website'>) {
    return this.repo.save(this.repo.create(values));
  }

  findVisible(visibility: Visibility, jurisdiction?: string) {
    const where: Record<string, unknown> = {};
    if (visibility.organizations?.length === 0 || visibility.jurisdictions?.length === 0) return Promise.resolve([]);
    if (visibility.organizations) where.id = In(visibility.organizations);
    if (visibility.jurisdictions) where.jurisdictionCode = In(visibility.jurisdictions);
    if (jurisdiction) {
      if (visibility.jurisdictions && !visibility.jurisdictions.includes(jurisdiction)) return Promise.resolve([]);
      where.jurisdictionCode = jurisdiction;
    }
    return this.repo.find({ where, order: { name: 'ASC' } });
  }
}
