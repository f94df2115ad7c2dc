import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EnvironmentVariables } from '../config/env.validation';
import { JobQueue } from '../jobs/job-queue.service';
import { DeliveryService } from './delivery.service';

export const DELIVERY_QUEUE = 'notifications-delivery';

/** The delivery worker on a pg-boss cron, so that with several instances it fires once. */
@Injectable()
export class NotificationsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationsScheduler.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly config: ConfigService<EnvironmentVariables, true>,
    private readonly delivery: DeliveryService,
  ) {}

  async onApplicationBootstrap() {
    if (!this.delivery.configured) {
      this.logger.log(
        'SMTP_URL is not set: notifications are kept in the outbox and not sent; admins read them at GET /api/v1/notifications/outbox',
      );
    }
    const delivery = this.config.get('NOTIFICATIONS_DELIVERY_CRON', { infer: true });
    if (!this.delivery.configured) return;
    if (delivery === 'off') this.logger.log('Scheduled delivery is off (NOTIFICATIONS_DELIVERY_CRON=off)');
    else
      await this.jobs.schedule(DELIVERY_QUEUE, delivery, async () => {
        const report = await this.delivery.deliverDue();
        if (report.claimed) this.logger.log(`Outbox delivery: ${JSON.stringify(report)}`);
      });
  }
}
