import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CalendarService } from '../calendar/calendar.service';
import type { EnvironmentVariables } from '../config/env.validation';
import { JobQueue } from '../jobs/job-queue.service';
import { ComplianceService } from './compliance.service';

export const RECOMPUTE_QUEUE = 'compliance-recompute';

/** The scheduled half of "findings are recomputed idempotently (a scheduled job and on demand)". */
@Injectable()
export class ComplianceScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ComplianceScheduler.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly config: ConfigService<EnvironmentVariables, true>,
    private readonly calendar: CalendarService,
    private readonly compliance: ComplianceService,
  ) {}

  async onApplicationBootstrap() {
    const cron = this.config.get('COMPLIANCE_RECOMPUTE_CRON', { infer: true });
    if (cron === 'off') {
      this.logger.log('Scheduled recomputation of findings is off (COMPLIANCE_RECOMPUTE_CRON=off)');
      return;
    }
    await this.jobs.schedule(RECOMPUTE_QUEUE, cron, () => this.recomputeAll());
  }

  /** Every jurisdiction in turn; one that fails is logged and does not stop the others. */
  async recomputeAll() {
    for (const { code } of await this.calendar.jurisdictions()) {
      try {
        const run = await this.compliance.recompute(code);
        this.logger.log(`Findings of ${code}: ${run.open} open, ${run.opened} opened, ${run.resolved} resolved`);
      } catch (error) {
        this.logger.error(`Findings of ${code} not recomputed: ${(error as Error).message}`);
      }
    }
  }
}
