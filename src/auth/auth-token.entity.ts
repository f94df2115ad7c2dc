import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

export enum TokenKind {
  /** Issued by login, expires after SESSION_TTL_HOURS. */
  Session = 'session',
  /** Long-lived token for integrations, created and revoked by its owner. */
  Api = 'api',
}

/** Bearer tokens. Only a SHA-256 digest is stored: a leaked table reveals no usable token. */
@Entity('auth_tokens')
@Check('auth_tokens_api_named', `kind <> 'api' OR name IS NOT NULL`)
export class AuthToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('auth_tokens_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'enum', enum: TokenKind, enumName: 'auth_token_kind' })
  kind!: TokenKind;

  @Column({ type: 'varchar', length: 100, nullable: true })
  name!: string | null;

  @Index('auth_tokens_digest_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  digest!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
