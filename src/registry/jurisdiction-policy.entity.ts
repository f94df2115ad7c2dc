import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Jurisdiction } from '../calendar/jurisdiction.entity';
import type { JurisdictionPolicy } from './policy.types';

@Entity('jurisdiction_policies')
export class JurisdictionPolicyRecord {
  @PrimaryColumn({ name: 'jurisdiction_code', type: 'varchar', length: 64 })
  jurisdictionCode!: string;

  @OneToOne(() => Jurisdiction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'jurisdiction_code' })
  jurisdiction?: Jurisdiction;

  @Column({ type: 'jsonb' })
  policy!: JurisdictionPolicy;

  @VersionColumn({ type: 'int' })
  version!: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Every edit of a policy: who, when, the policy before and after. */
@Entity('jurisdiction_policy_changes')
@Index('jurisdiction_policy_changes_jurisdiction_idx', ['jurisdictionCode', 'changedAt'])
export class JurisdictionPolicyChange {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 64 })
  jurisdictionCode!: string;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy!: string | null;

  @Column({ type: 'jsonb' })
  before!: JurisdictionPolicy;

  @Column({ type: 'jsonb' })
  after!: JurisdictionPolicy;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment!: string | null;
}
