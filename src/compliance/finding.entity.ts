import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Citation } from '../registry/policy.types';
import { Organization } from '../registry/organization.entity';
import { OfficialPage } from '../registry/page.entity';
import type { FindingKind, FindingSeverity } from './finding.rules';

/**
 * A durable compliance finding: what rule is broken, where, since when, and when it stopped
 * being broken. `key` names the cause (kind + subject); at most one open finding per key, so a
 * recomputation updates it instead of adding another, and a cause that returns after being
 * resolved opens a new finding.
 */
@Entity('compliance_findings')
@Index('compliance_findings_open_key', ['key'], { unique: true, where: 'resolved_at IS NULL' })
@Index('compliance_findings_jurisdiction_idx', ['jurisdictionCode', 'kind', 'firstSeenAt'])
@Index('compliance_findings_org_idx', ['organizationId', 'firstSeenAt'])
@Check('compliance_findings_severity', `severity IN ('violation', 'recommendation')`)
export class ComplianceFinding {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 300 })
  key!: string;

  @Column({ type: 'varchar', length: 48 })
  kind!: FindingKind;

  @Column({ type: 'varchar', length: 16 })
  severity!: FindingSeverity;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 64 })
  jurisdictionCode!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ name: 'page_id', type: 'uuid', nullable: true })
  pageId!: string | null;

  @ManyToOne(() => OfficialPage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'page_id' })
  page?: OfficialPage | null;

  /** ISO week the finding is about (quota, content plan), if any. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  week!: string | null;

  /** The deadline that was missed (obligations, content plans), if any. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'jsonb' })
  citation!: Citation;

  /** Figures of the finding (published/required, lateness, network…), shown with its message. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  /** The recomputation that last saw the cause; open findings of the scope it did not see are resolved. */
  @Column({ name: 'run_id', type: 'uuid' })
  runId!: string;
}
