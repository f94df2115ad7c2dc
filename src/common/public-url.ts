import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables, publicBaseUrl } from '../config/env.validation';

/**
 * The address people reach the service at, for every link the service hands out (e-mails, the
 * data-set passport). It comes from PUBLIC_BASE_URL, required in production; never from a request's
 * Host or X-Forwarded-Host, which a client chooses and a public cache would keep.
 */
@Injectable()
export class PublicUrl {
  private port: number;

  constructor(private readonly config: ConfigService<EnvironmentVariables, true>) {
    this.port = config.get('PORT', { infer: true });
  }

  /** Without PUBLIC_BASE_URL (development), links name the port actually listened on (PORT=0 picks one). */
  listeningOn(port: number) {
    this.port = port;
  }

  get base(): string {
    return publicBaseUrl({ PUBLIC_BASE_URL: this.config.get('PUBLIC_BASE_URL', { infer: true }) }, this.port);
  }
}
