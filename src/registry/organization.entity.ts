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
import { Jurisdiction } from '../calendar/jurisdiction.entity';
import { OrganizationKind } from './organization-kind';

@Entity('organizations')
@Check('organizations_inn_digits', `inn IS NULL OR inn ~ '^([0-9]{10}|[0-9]{12})$'`)
@Check('organizations_ogrn_digits', `ogrn IS NULL OR ogrn ~ '^([0-9]{13}|[0-9]{15})$'`)
// Public registry indexes, created by hand in migrations/*-PublicRegistrySearch.ts and
// *-OrganizationSearchKey.ts (a trigram GIN index TypeORM cannot describe); declared so that the
// schema check keeps them.
@Index('organizations_name_search_key_idx', { synchronize: false })
@Index('organizations_name_order_idx', { synchronize: false })
@Index('organizations_updated_at_idx', { synchronize: false })
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('organizations_jurisdiction_idx')
  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 64 })
  jurisdictionCode!: string;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_code' })
  jurisdiction?: Jurisdiction;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind!: OrganizationKind;

  @Index('organizations_parent_idx')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Organization | null;

  /**
   * The name folded for searching (case and ё/е ignored), kept by the database trigger
   * organizations_name_search_key (migration OrganizationSearchKey); never written by the service.
   */
  @Column({ name: 'name_search_key', type: 'text', nullable: true, select: false, insert: false, update: false })
  nameSearchKey?: string | null;

  /** Official website; the acts require pages to be linked from it. */
  @Column({ type: 'varchar', length: 2048, nullable: true })
  website!: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  inn!: string | null;

  @Column({ type: 'varchar', length: 15, nullable: true })
  ogrn!: string | null;

  /** Closed (liquidated, merged): kept for history, no longer obliged to keep pages. */
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  /** Optimistic concurrency: a change must name the version it was based on (If-Match). */
  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
