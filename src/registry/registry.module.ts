import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';
import { PolicyController } from './policy.controller';
import { PolicyService } from './policy.service';
import { RegistryEventsService } from './registry-events.service';

@Module({
  imports: [CalendarModule],
  controllers: [OrganizationsController, PolicyController],
  providers: [OrganizationsService, OrganizationsRepository, PolicyService, RegistryEventsService],
  exports: [PolicyService, RegistryEventsService],
})
export class RegistryModule {}
