import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { PublicUrl } from './public-url';

@Global()
@Module({ providers: [Clock, PublicUrl], exports: [Clock, PublicUrl] })
export class CommonModule {}
