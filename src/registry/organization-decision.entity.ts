import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from './organization.entity';

/**
 * An organization allowed not to have official pages, by agreement with the administration
 * (Blagodarny Порядок p.4): the decision's number and date, who agreed, which clause.
 */
@Entity('organization_exemptions')
export class OrganizationExemption {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('organization_exemptions_org_idx')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ name: 'decision_number', type: 'varchar', length: 50 })
  decisionNumber!: string;

  @Column({ name: 'decision_date', type: 'date' })
  decisionDate!: string;

  /** Who agreed, e.g. 'Первый заместитель главы администрации'. */
  @Column({ name: 'agreed_by', type: 'varchar', length: 300 })
  agreedBy!: string;

  @Column({ type: 'varchar', length: 200 })
  clause!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** Another weekly minimum of publications for one organization (Blagodarny Порядок p.4), valid for a period. */
@Entity('posting_frequency_decisions')
@Check('posting_frequency_decisions_minimum', `minimum_per_week BETWEEN 0 AND 100`)
@Check('posting_frequency_decisions_period', `valid_to IS NULL OR valid_to >= valid_from`)
export class PostingFrequencyDecision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('posting_frequency_decisions_org_idx')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ name: 'minimum_per_week', type: 'int' })
  minimumPerWeek!: number;

  @Column({ name: 'decision_number', type: 'varchar', length: 50 })
  decisionNumber!: string;

  @Column({ name: 'decision_date', type: 'date' })
  decisionDate!: string;

  @Column({ name: 'decided_by', type: 'varchar', length: 300 })
  decidedBy!: string;

  @Column({ type: 'varchar', length: 200 })
  clause!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
