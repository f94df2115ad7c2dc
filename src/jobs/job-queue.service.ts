import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';

export const JOBS_DATABASE_URL = Symbol('JOBS_DATABASE_URL');

/**
 * Jobs and schedules on pg-boss, in the service's own database (schema `pgboss`). A schedule is a
 * row there, so with several instances of the service it fires once, not once per instance; a
 * job is fetched by one worker. No in-process cron.
 */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly logger = new Logger(JobQueue.name);
  private boss?: Promise<PgBoss>;

  constructor(@Inject(JOBS_DATABASE_URL) private readonly databaseUrl: string) {}

  /** Runs `handler` for every job of `queue`, and `cron` (UTC unless `tz`) enqueues one. */
  async schedule<T extends object>(
    queue: string,
    cron: string,
    handler: (data: T) => Promise<unknown>,
    options: { tz?: string; data?: T } = {},
  ): Promise<void> {
    const boss = await this.started();
    await boss.createQueue(queue);
    await boss.schedule(queue, cron, options.data ?? {}, { tz: options.tz ?? 'UTC' });
    await boss.work<T>(queue, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
    this.logger.log(`Job ${queue} scheduled: ${cron} (${options.tz ?? 'UTC'})`);
  }

  /** Removes a schedule left by an earlier configuration. */
  async unschedule(queue: string): Promise<void> {
    const boss = await this.started();
    await boss.createQueue(queue);
    await boss.unschedule(queue);
  }

  async onModuleDestroy() {
    if (!this.boss) return;
    const boss = await this.boss.catch(() => undefined);
    await boss?.stop({ graceful: true, wait: true, timeout: 5_000 }).catch(() => undefined);
  }

  private started(): Promise<PgBoss> {
    this.boss ??= (async () => {
      const boss = new PgBoss({ connectionString: this.databaseUrl, max: 4 });
      boss.on('error', (error: Error) => this.logger.error(`pg-boss: ${error.message}`));
      await boss.start();
      return boss;
    })();
    return this.boss;
  }
}
