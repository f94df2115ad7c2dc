import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import nodemailer, { Transporter } from 'nodemailer';
import { Clock } from '../common/clock';
import type { EnvironmentVariables } from '../config/env.validation';
import { NotificationsError, NotificationsErrorCode } from './notifications.errors';
import { ClaimedMessage, NotificationsRepository } from './notifications.repository';
import { afterFailure, LEASE_SECONDS, wants } from './notifications.rules';
import { NotificationsService } from './notifications.service';

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  suppressed: number;
}

const BATCH = 20;

/**
 * The outbox worker. Delivery is at-least-once with deduplication at the peer: a row is claimed
 * with a lease (FOR UPDATE SKIP LOCKED, so workers never share a row), sent, then recorded. If the
 * process dies after the SMTP server accepted the message but before the record commits, the lease
 * runs out and the message is sent again with the same Message-ID, which the receiving side uses to
 * drop the duplicate. Nothing is lost: a row leaves the outbox's due set only when recorded.
 */
@Injectable()
export class DeliveryService implements OnModuleDestroy {
  private readonly logger = new Logger(DeliveryService.name);
  private readonly transport?: Transporter;
  private readonly from: string;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    const url = config.get('SMTP_URL', { infer: true });
    this.from = config.get('SMTP_FROM', { infer: true });
    if (url) {
      this.transport = nodemailer.createTransport(url, {
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      } as object);
    }
  }

  get configured(): boolean {
    return this.transport !== undefined;
  }

  /** Sends every message due at `now` (at most `limit`), batch after batch. */
  async deliverDue(now = this.clock.now(), limit = 200): Promise<DeliveryReport> {
    if (!this.transport) throw new NotificationsError(NotificationsErrorCode.SMTP_NOT_CONFIGURED);
    const report: DeliveryReport = { claimed: 0, sent: 0, retried: 0, failed: 0, suppressed: 0 };
    while (report.claimed < limit) {
      const batch = await this.repository.claimDue(
        now,
        new Date(now.getTime() + LEASE_SECONDS * 1000),
        Math.min(BATCH, limit - report.claimed),
      );
      if (!batch.length) break;
      report.claimed += batch.length;
      const preferences = await this.repository.preferencesOf([...new Set(batch.map((m) => m.recipientEmail))]);
      for (const message of batch) {
        if (!wants(preferences.get(message.recipientEmail), message.kind)) {
          await this.repository.finishAttempt(message, now, 'failed', { status: 'suppressed' }, 'получатель отписался');
          report.suppressed += 1;
          continue;
        }
        report[await this.send(message, now)] += 1;
      }
    }
    return report;
  }

  private async send(message: ClaimedMessage, now: Date): Promise<'sent' | 'retried' | 'failed'> {
    try {
      const rendered = await this.notifications.render(message);
      const info = (await this.transport!.sendMail({
        from: this.from,
        to: { name: message.recipientName, address: message.recipientEmail },
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: message.messageId,
        date: message.createdAt,
        headers: {
          // RFC 8058 one-click unsubscribe.
          'List-Unsubscribe': `<${rendered.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        },
      })) as { response?: string };
      await this.repository.finishAttempt(message, now, 'sent', { status: 'sent' }, info.response ?? null);
      return 'sent';
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const next = afterFailure(message.attempts, now, code);
      const reason = (error as Error).message;
      await this.repository.finishAttempt(message, now, next.status === 'failed' ? 'failed' : 'retry', next, reason);
      this.logger.warn(`Message ${message.id} attempt ${message.attempts} failed (${next.status}): ${reason}`);
      return next.status === 'failed' ? 'failed' : 'retried';
    }
  }

  onModuleDestroy() {
    this.transport?.close();
  }
}
