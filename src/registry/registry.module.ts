import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ObligationsController } from './obligations.controller';
import { ObligationsRepository } from './obligations.repository';
import { ObligationsService } from './obligations.service';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';
import { PolicyController } from './policy.controller';
import { PolicyService } from './policy.service';
import { RegistryEventsService } from './registry-events.service';

@Module({
  imports: [CalendarModule],
  controllers: [OrganizationsController, PolicyController, ObligationsController],
  providers: [
    OrganizationsService,
    OrganizationsRepository,
    PolicyService,
    RegistryEventsService,
    ObligationsService,
    ObligationsRepository,
  ],
  exports: [PolicyService, RegistryEventsService],
})
export class RegistryModule {}
