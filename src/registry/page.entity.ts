import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Organization } from './organization.entity';
import type { Network } from './policy.types';

/** Blagodarny Порядок p.5: what a page must carry. */
export interface PageChecklist {
  coverWithEmblem: boolean;
  unifiedStyle: boolean;
  currentInformation: boolean;
  geotag: boolean;
  fieldMaterials: boolean;
}

/**
 * An official page of an organization in a social network. Logins and passwords are never
 * stored: only *that* access was handed to the coordinator, when and to whom.
 */
@Entity('official_pages')
@Check('official_pages_network', `network IN ('vk', 'ok', 'telegram', 'max', 'facebook', 'instagram', 'twitter')`)
@Check('official_pages_dates', `deleted_on IS NULL OR deleted_on >= created_on`)
// The same page cannot be registered twice while it is live.
@Index('official_pages_url_live_key', ['url'], { unique: true, where: 'deleted_on IS NULL' })
// Khabarovsk Положение 1 p.3.1: one live page per network per organization where the policy says so.
@Index('official_pages_one_per_network_key', ['organizationId', 'network'], {
  unique: true,
  where: 'deleted_on IS NULL AND one_per_network',
})
@Index('official_pages_org_idx', ['organizationId'])
@Index('official_pages_network_idx', ['network'])
// Public registry indexes, created by hand in migrations/*-PublicRegistrySearch.ts.
@Index('official_pages_live_org_idx', { synchronize: false })
@Index('official_pages_updated_at_idx', { synchronize: false })
export class OfficialPage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 16 })
  network!: Network;

  /** Normalized URL, e.g. https://vk.com/abgosk. */
  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  @Column({ type: 'varchar', length: 200 })
  handle!: string;

  /** The policy demanded one page per network when the page was registered. */
  @Column({ name: 'one_per_network', type: 'boolean', default: false })
  onePerNetwork!: boolean;

  @Column({ name: 'created_on', type: 'date' })
  createdOn!: string;

  @Column({ name: 'deleted_on', type: 'date', nullable: true })
  deletedOn!: string | null;

  /** Gosuslugi special mark (Decree 2560; Blagodarny Порядок 3.2). */
  @Column({ name: 'gosuslugi_mark_on', type: 'date', nullable: true })
  gosuslugiMarkOn!: string | null;

  /** Gosuslugi feedback platform widget (ПОС) placed on the page. */
  @Column({ name: 'feedback_widget_on', type: 'date', nullable: true })
  feedbackWidgetOn!: string | null;

  @Column({ name: 'comments_open', type: 'boolean', nullable: true })
  commentsOpen!: boolean | null;

  /** Service phone the page is registered to (Krasnodar 413 Порядок p.2); coordinators only. */
  @Column({ name: 'service_phone', type: 'varchar', length: 32, nullable: true })
  servicePhone!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  checklist!: PageChecklist | null;

  /** Link to the page published on the organization's website (Khabarovsk Положение 1 p.3.3). */
  @Column({ name: 'website_link_on', type: 'date', nullable: true })
  websiteLinkOn!: string | null;

  @Column({ name: 'access_handed_on', type: 'date', nullable: true })
  accessHandedOn!: string | null;

  @Column({ name: 'access_handed_to', type: 'varchar', length: 300, nullable: true })
  accessHandedTo!: string | null;

  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Followers and weekly reach on a date, for the public registry and reports. */
@Entity('page_metric_snapshots')
@Check('page_metric_snapshots_values', `followers >= 0 AND (weekly_reach IS NULL OR weekly_reach >= 0)`)
export class PageMetricSnapshot {
  @PrimaryColumn({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @PrimaryColumn({ name: 'measured_on', type: 'date' })
  measuredOn!: string;

  @ManyToOne(() => OfficialPage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'page_id' })
  page?: OfficialPage;

  @Column({ type: 'int' })
  followers!: number;

  @Column({ name: 'weekly_reach', type: 'int', nullable: true })
  weeklyReach!: number | null;
}
