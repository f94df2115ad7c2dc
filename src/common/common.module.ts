import { Global, Module } from '@nestjs/common';
import { ActorDirectory } from './actors/actor-directory';
import { Clock } from './clock';
import { PublicUrl } from './public-url';

@Global()
@Module({ providers: [Clock, PublicUrl, ActorDirectory], exports: [Clock, PublicUrl, ActorDirectory] })
export class CommonModule {}
