import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DemoDataService } from './demo-data.service';
import { ObligationsController } from './obligations.controller';
import { ObligationsRepository } from './obligations.repository';
import { ObligationsService } from './obligations.service';
import { OfficialsController } from './officials.controller';
import { OfficialsRepository } from './officials.repository';
import { OfficialsService } from './officials.service';
import { OrganizationDecisionsController } from './organization-decisions.controller';
import { OrganizationDecisionsService } from './organization-decisions.service';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';
import { PagesController } from './pages.controller';
import { PagesRepository } from './pages.repository';
import { PagesService } from './pages.service';
import { PolicyController } from './policy.controller';
import { PolicyService } from './policy.service';
import { RegistryEventsService } from './registry-events.service';
import { RegistryImportController } from './registry-import.controller';
import { RegistryImportService } from './registry-import.service';

@Module({
  imports: [CalendarModule],
  controllers: [
    OrganizationsController,
    OfficialsController,
    OrganizationDecisionsController,
    PolicyController,
    ObligationsController,
    PagesController,
    RegistryImportController,
  ],
  providers: [
    OfficialsService,
    OfficialsRepository,
    OrganizationDecisionsService,
    OrganizationsService,
    OrganizationsRepository,
    PolicyService,
    RegistryEventsService,
    ObligationsService,
    ObligationsRepository,
    PagesService,
    PagesRepository,
    RegistryImportService,
    DemoDataService,
  ],
  exports: [PolicyService, RegistryEventsService],
})
export class RegistryModule {}
