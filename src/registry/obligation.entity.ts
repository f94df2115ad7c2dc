import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from './organization.entity';
import type { Citation } from './policy.types';
import { RegistryEvent } from './registry-event.entity';

/**
 * A duty to report an event within N working days (DOMAIN.md §1 table), created with the event
 * from the jurisdiction's policy; due at close of business of the N-th working day.
 */
@Entity('reporting_obligations')
@Index('reporting_obligations_open_idx', ['jurisdictionCode', 'dueAt'], { where: 'fulfilled_at IS NULL' })
@Index('reporting_obligations_org_idx', ['organizationId', 'dueAt'])
@Index('reporting_obligations_event_rule_key', ['eventId', 'ruleCode'], { unique: true })
@Check('reporting_obligations_fulfilment', `(fulfilled_at IS NULL) = (fulfilled_by IS NULL)`)
export class ReportingObligation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'bigint' })
  eventId!: string;

  @ManyToOne(() => RegistryEvent, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event?: RegistryEvent;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 64 })
  jurisdictionCode!: string;

  @Column({ name: 'rule_code', type: 'varchar', length: 100 })
  ruleCode!: string;

  @Column({ type: 'varchar', length: 500 })
  duty!: string;

  @Column({ type: 'varchar', length: 300 })
  recipient!: string;

  @Column({ name: 'working_days', type: 'int' })
  workingDays!: number;

  @Column({ type: 'jsonb' })
  citation!: Citation;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'fulfilled_at', type: 'timestamptz', nullable: true })
  fulfilledAt!: Date | null;

  @Column({ name: 'fulfilled_by', type: 'uuid', nullable: true })
  fulfilledBy!: string | null;

  @Column({ name: 'fulfilment_note', type: 'varchar', length: 1000, nullable: true })
  fulfilmentNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
