import { Module } from '@nestjs/common';
import { PublicRegistryController } from './public-registry.controller';
import { PublicRegistryRepository } from './public-registry.repository';
import { PublicRegistryService } from './public-registry.service';

/** The published registry and its open data (Khabarovsk Положение 1 p.2.4; Blagodarny p.3.1). */
@Module({
  controllers: [PublicRegistryController],
  providers: [PublicRegistryService, PublicRegistryRepository],
})
export class PublicRegistryModule {}
