import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegistryModule } from '../registry/registry.module';
import { StyleModule } from '../compliance/style/style.module';
import { ContentPlanController } from './content-plan.controller';
import { ContentPlanRepository } from './content-plan.repository';
import { ContentPlanService } from './content-plan.service';

@Module({
  imports: [CalendarModule, RegistryModule, StyleModule, NotificationsModule],
  controllers: [ContentPlanController],
  providers: [ContentPlanService, ContentPlanRepository],
})
export class ContentPlanModule {}
