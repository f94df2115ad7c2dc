import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Organization } from './organization.entity';
import type { OfficialRank } from './policy.types';

export type OfficialRole = 'responsible' | 'authorized' | 'executor';
export const OFFICIAL_ROLES: readonly OfficialRole[] = ['responsible', 'authorized', 'executor'];
export const OFFICIAL_RANKS: readonly OfficialRank[] = [
  'head',
  'first_deputy_head',
  'deputy_head',
  'department_head',
  'specialist',
];

/**
 * A person of the organization with a role for its pages: the responsible official (rank floor
 * per policy), an authorized person identified through ESIA, the executor for messages.
 * Work contacts only; they are never shown publicly.
 */
@Entity('officials')
@Check('officials_rank', `rank IN ('head', 'first_deputy_head', 'deputy_head', 'department_head', 'specialist')`)
@Check(
  'officials_roles',
  `roles <@ ARRAY['responsible', 'authorized', 'executor']::varchar[] AND cardinality(roles) > 0`,
)
@Check('officials_period', `active_to IS NULL OR active_to >= active_from`)
export class Official {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('officials_org_idx')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ name: 'full_name', type: 'varchar', length: 300 })
  fullName!: string;

  @Column({ type: 'varchar', length: 300 })
  position!: string;

  @Column({ type: 'varchar', length: 32 })
  rank!: OfficialRank;

  @Column({ name: 'work_email', type: 'varchar', length: 254, nullable: true })
  workEmail!: string | null;

  @Column({ name: 'work_phone', type: 'varchar', length: 32, nullable: true })
  workPhone!: string | null;

  @Column({ type: 'varchar', array: true })
  roles!: OfficialRole[];

  /** ESIA (Gosuslugi) identification of an authorized person confirmed on this date (Blagodarny 2.3, 3.3.1.3). */
  @Column({ name: 'esia_confirmed_on', type: 'date', nullable: true })
  esiaConfirmedOn!: string | null;

  @Column({ name: 'active_from', type: 'date' })
  activeFrom!: string;

  @Column({ name: 'active_to', type: 'date', nullable: true })
  activeTo!: string | null;

  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
