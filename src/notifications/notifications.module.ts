import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ComplianceModule } from '../compliance/compliance.module';
import { RegistryModule } from '../registry/registry.module';
import { DeliveryService } from './delivery.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsScheduler } from './notifications.scheduler';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [CalendarModule, RegistryModule, ComplianceModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsRepository, DeliveryService, NotificationsScheduler],
  exports: [NotificationsService],
})
export class NotificationsModule {}
