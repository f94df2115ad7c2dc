import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEMO_OFFICIALS, DEMO_REGISTRY, demoTable } from './demo-data';
import { Official } from './official.entity';
import { Organization } from './organization.entity';
import { RegistryImportService } from './registry-import.service';

@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly importer: RegistryImportService,
  ) {}

  /** First start of the embedded default: an empty registry gets the demo. */
  async loadIfEmpty(): Promise<boolean> {
    if (await this.dataSource.getRepository(Organization).exists()) return false;
    await this.load();
    return true;
  }

  /** Idempotent: organizations and pages already there are left as they are. */
  async load(): Promise<{ organizations: number; pages: number }> {
    let organizations = 0;
    let pages = 0;
    for (const jurisdiction of Object.keys(DEMO_REGISTRY)) {
      const report = await this.importer.importTable(jurisdiction, demoTable(jurisdiction), false, null);
      if (report.errors.length)
        throw new Error(`Demo data for ${jurisdiction} is invalid: ${JSON.stringify(report.errors)}`);
      organizations += report.organizations.created;
      pages += report.pages.created;
      const top = await this.dataSource
        .getRepository(Organization)
        .findOneByOrFail({ jurisdictionCode: jurisdiction, name: DEMO_REGISTRY[jurisdiction][0][0] });
      if (await this.dataSource.getRepository(Official).existsBy({ organizationId: top.id })) continue;
      await this.dataSource.getRepository(Official).insert(
        DEMO_OFFICIALS[jurisdiction].map((o) => ({
          organizationId: top.id,
          fullName: o.fullName,
          position: o.position,
          rank: o.rank,
          roles: o.roles,
          workEmail: o.email,
          workPhone: null,
          esiaConfirmedOn: o.esia ?? null,
          activeFrom: '2023-11-10',
        })),
      );
    }
    this.logger.log(`Demo registry loaded: ${organizations} organizations, ${pages} pages`);
    return { organizations, pages };
  }
}
