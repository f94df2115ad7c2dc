import { Global, Module } from '@nestjs/common';
import { ActorDirectory } from './actors/actor-directory';
import { Clock } from './clock';

@Global()
@Module({ providers: [Clock, ActorDirectory], exports: [Clock, ActorDirectory] })
export class CommonModule {}
