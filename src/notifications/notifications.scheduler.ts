import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EnvironmentVariables } from '../config/env.validation';
import { JobQueue } from '../jobs/job-queue.service';
import { DeliveryService } from './delivery.service';
import { NotificationsService } from './notifications.service';

export const TICK_QUEUE = 'notifications-tick';
export const DELIVERY_QUEUE = 'notifications-delivery';

/**
 * Both schedules are pg-boss crons, so with several instances each fires once. The tick asks "what
 * is due now?" in every jurisdiction's own time; even if two ticks overlap, the idempotency keys
 * let a digest or a reminder be produced once.
 */
@Injectable()
export class NotificationsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationsScheduler.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly config: ConfigService<EnvironmentVariables, true>,
    private readonly notifications: NotificationsService,
    private readonly delivery: DeliveryService,
  ) {}

  async onApplicationBootstrap() {
    // The unsubscribe signing key exists before any link is opened: reading a link (a GET) writes nothing.
    await this.notifications.signingSecret();
    if (!this.delivery.configured) {
      this.logger.log(
        'SMTP_URL is not set: notifications are kept in the outbox and not sent; admins read them at GET /api/v1/notifications/outbox',
      );
    }
    const tick = this.config.get('NOTIFICATIONS_TICK_CRON', { infer: true });
    if (tick === 'off') this.logger.log('Notification schedule is off (NOTIFICATIONS_TICK_CRON=off)');
    else
      await this.jobs.schedule(TICK_QUEUE, tick, async () => {
        const report = await this.notifications.tick();
        if (report.created) this.logger.log(`Notifications queued: ${report.created}`);
      });
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
