import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { RegistryModule } from '../registry/registry.module';
import { ComplianceController } from './compliance.controller';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceScheduler } from './compliance.scheduler';
import { ComplianceService } from './compliance.service';
import { StyleModule } from './style/style.module';

@Module({
  imports: [CalendarModule, RegistryModule, StyleModule],
  controllers: [ComplianceController],
  providers: [ComplianceService, ComplianceRepository, ComplianceScheduler],
  // The notifications' digests and quota reminders read the same week evaluation.
  exports: [ComplianceService, ComplianceScheduler],
})
export class ComplianceModule {}
