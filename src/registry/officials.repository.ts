import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Official } from './official.entity';

@Injectable()
export class OfficialsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByOrganization(organizationId: string) {
    return this.dataSource.getRepository(Official).find({
      where: { organizationId },
      order: { activeFrom: 'DESC', fullName: 'ASC', id: 'ASC' },
    });
  }

  findInOrganization(organizationId: string, id: string) {
    return this.dataSource.getRepository(Official).findOne({ where: { id, organizationId } });
  }

  findInOrganizationForUpdate(manager: EntityManager, organizationId: string, id: string) {
    return manager.findOne(Official, { where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
  }

  insert(
    manager: EntityManager,
    values: Omit<Official, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'organization'>,
  ) {
    return manager.save(manager.create(Official, values));
  }

  save(manager: EntityManager, official: Official) {
    return manager.save(official);
  }
}
