import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Login attempts per account (`login-throttle.rules.ts`), shared by every instance of the service.
 * Keyed by a digest of the normalized e-mail, for addresses with and without an account alike, so
 * that the answers tell nobody which addresses exist.
 */
@Entity('login_throttles')
export class LoginThrottle {
  @PrimaryColumn({ name: 'account_key', type: 'char', length: 64, primaryKeyConstraintName: 'PK_login_throttles' })
  accountKey!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Index('login_throttles_last_attempt_idx')
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;
}
