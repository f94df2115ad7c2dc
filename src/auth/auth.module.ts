import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { EnvironmentVariables } from '../config/env.validation';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { LoginThrottleRepository } from './login-throttle.repository';

@Module({
  imports: [
    // Only the login route uses the ThrottlerGuard; the limit is per client address (the socket's, or
    // the one a proxy named in TRUST_PROXY reports). Named `default` so that its 429 carries the
    // standard Retry-After header. Failed logins per account: LoginThrottleRepository.
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>) => [
        { name: 'default', ttl: 60_000, limit: config.get('LOGIN_RATE_LIMIT_PER_MINUTE', { infer: true }) },
      ],
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    UsersService,
    UsersRepository,
    LoginThrottleRepository,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService],
})
export class AuthModule {}
