import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from './organization.entity';

export enum RegistryEventType {
  OrganizationCreated = 'organization_created',
  OrganizationRenamed = 'organization_renamed',
  OrganizationClosed = 'organization_closed',
  PageCreated = 'page_created',
  PageDeleted = 'page_deleted',
  PageUrlChanged = 'page_url_changed',
  PageUpdated = 'page_updated',
  GosuslugiMarkObtained = 'gosuslugi_mark_obtained',
  FeedbackWidgetPlaced = 'feedback_widget_placed',
  WebsiteLinkPublished = 'website_link_published',
  AccessHandedOver = 'access_handed_over',
  OfficialAssigned = 'official_assigned',
  OfficialChanged = 'official_changed',
  ResponsibleChanged = 'responsible_changed',
  ExecutorChanged = 'executor_changed',
  ExemptionDecided = 'exemption_decided',
  FrequencyDecided = 'frequency_decided',
}

/**
 * Append-only history of the registry ("актуализации подлежат сведения…", Khabarovsk Положение 1
 * p.3.2): what happened, on which day, who recorded it, and the values before and after.
 */
@Entity('registry_events')
@Index('registry_events_org_idx', ['organizationId', 'id'])
@Index('registry_events_page_idx', ['pageId', 'id'])
export class RegistryEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'enum', enum: RegistryEventType, enumName: 'registry_event_type' })
  type!: RegistryEventType;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ name: 'page_id', type: 'uuid', nullable: true })
  pageId!: string | null;

  @Column({ name: 'official_id', type: 'uuid', nullable: true })
  officialId!: string | null;

  /** The day it happened in the jurisdiction (a page created on…); deadlines run from it. */
  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'jsonb', default: {} })
  data!: Record<string, unknown>;
}
