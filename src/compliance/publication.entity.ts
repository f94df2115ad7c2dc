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
} from 'typeorm';
import { PLAN_FORMATS } from '../content-plan/plan-workflow.rules';
import { OfficialPage } from '../registry/page.entity';

/** The formats the acts name (Khabarovsk p.8; Blagodarny p.6; Krasnodar 413 p.6), as plans use them. */
export const PUBLICATION_FORMATS = PLAN_FORMATS;
export type PublicationFormat = (typeof PUBLICATION_FORMATS)[number];

export const PUBLICATION_SOURCES = ['manual', 'import', 'connector'] as const;
export type PublicationSource = (typeof PUBLICATION_SOURCES)[number];

/**
 * A post that actually went out on an official page. `weekStart` is the Monday of the local
 * calendar week of `publishedAt` in the jurisdiction's zone (DOMAIN.md §3: weeks run Monday 00:00
 * to Sunday 24:00 local time), computed once at ingest by the working-time engine.
 * Idempotent on (page, source key): the external id when given, else the post URL.
 */
@Entity('publications')
@Index('publications_page_source_key', ['pageId', 'sourceKey'], { unique: true })
// Week first, as the counting is: an ingest writes into its week's part of the index, not all over it.
@Index('publications_week_page_idx', ['weekStart', 'pageId'])
@Check('publications_reference', `external_id IS NOT NULL OR url IS NOT NULL`)
@Check('publications_week_monday', `extract(isodow from week_start) = 1`)
@Check('publications_source', `source IN ('manual', 'import', 'connector')`)
@Check(
  'publications_format',
  `format IS NULL OR format IN ('text', 'photo', 'infographic', 'cards', 'animation', 'video', 'live', 'poll', 'contest', 'promo', 'other')`,
)
export class Publication {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @ManyToOne(() => OfficialPage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'page_id' })
  page?: OfficialPage;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ name: 'week_start', type: 'date' })
  weekStart!: string;

  /** 'id:<external id>' or 'url:<post URL>': what makes a re-sent row the same publication. */
  @Column({ name: 'source_key', type: 'varchar', length: 2100 })
  sourceKey!: string;

  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  url!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  format!: PublicationFormat | null;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ type: 'varchar', length: 16 })
  source!: PublicationSource;

  /** Style check hits of the text (DOMAIN.md §4), stored at ingest. */
  @Column({ name: 'style_hits', type: 'jsonb', nullable: true })
  styleHits!: unknown[] | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/**
 * Publications per page and local week, kept in the same statement that inserts them, so that a
 * weekly evaluation reads one row per page instead of counting every post.
 */
@Entity('publication_week_counts')
@Check('publication_week_counts_positive', `published > 0`)
// The key leads with the week: an evaluation reads one week's counts of a jurisdiction, an ingest
// adds to one week's part of the key. A page's weeks (its trend, a cascade) are a skip scan.
export class PublicationWeekCount {
  @PrimaryColumn({ name: 'week_start', type: 'date' })
  weekStart!: string;

  @PrimaryColumn({ name: 'page_id', type: 'uuid' })
  pageId!: string;

  @ManyToOne(() => OfficialPage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'page_id' })
  page?: OfficialPage;

  @Column({ type: 'int' })
  published!: number;
}
