import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { analyzeStyle } from './style.rules';
import type { StyleNetwork, StyleReport } from './style.rules';
import { StyleWorker } from './style-worker';

/**
 * Style checks of publication texts (DOMAIN.md §4). The Hunspell dictionary takes about two
 * seconds and some 170 MB of heap to load: it lives on a worker thread of its own (`StyleWorker`),
 * started before the application listens and shared by every full check; other modules
 * (compliance: plan items) use `check`.
 */
@Injectable()
export class StyleService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StyleService.name);
  private readonly worker = new StyleWorker(this.logger);

  async onModuleInit(): Promise<void> {
    const started = performance.now();
    await this.worker.start();
    this.logger.log(`Russian spelling dictionary loaded in ${Math.round(performance.now() - started)} ms`);
  }

  onModuleDestroy(): Promise<void> {
    return this.worker.stop();
  }

  check(text: string, network?: StyleNetwork): Promise<StyleReport> {
    return this.worker.check(text, network);
  }

  /**
   * Everything but spelling, for bulk ingest of publications: Hunspell's look-ups and suggestions
   * cost milliseconds per text, which would cap a batch of 10 000 far below its target rate. The
   * full check stays available on demand (`POST /api/v1/style/check`) and for plan items.
   */
  checkWording(text: string, network?: StyleNetwork): StyleReport {
    return analyzeStyle(text, { network });
  }
}
