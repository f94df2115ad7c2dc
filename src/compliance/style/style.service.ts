import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { loadRussianSpeller } from './russian-speller';
import { analyzeStyle } from './style.rules';
import type { Speller, StyleNetwork, StyleReport } from './style.rules';

/**
 * Style checks of publication texts (DOMAIN.md §4). The Hunspell dictionary takes about five
 * seconds and some 170 MB of heap to load, so it is loaded once, before the application listens,
 * and shared by every check; other modules (compliance: plan items, publications) use `check`.
 */
@Injectable()
export class StyleService implements OnModuleInit {
  private readonly logger = new Logger(StyleService.name);
  private speller?: Speller;

  onModuleInit(): void {
    const started = performance.now();
    this.speller = loadRussianSpeller();
    this.logger.log(`Russian spelling dictionary loaded in ${Math.round(performance.now() - started)} ms`);
  }

  check(text: string, network?: StyleNetwork): StyleReport {
    if (!this.speller) throw new Error('StyleService used before the module was initialised');
    return analyzeStyle(text, { network, speller: this.speller });
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
