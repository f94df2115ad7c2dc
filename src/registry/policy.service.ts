import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JurisdictionPolicyChange, JurisdictionPolicyRecord } from './jurisdiction-policy.entity';
import { policyProblems } from './policy.rules';
import type { JurisdictionPolicy } from './policy.types';
import { RegistryError, RegistryErrorCode } from './registry.errors';

/** How long a policy read for evaluation may be reused (another instance's edit shows up after it). */
const CACHED_POLICY_MS = 5_000;

@Injectable()
export class PolicyService {
  private readonly cached = new Map<string, { until: number; record: Promise<JurisdictionPolicyRecord> }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The policy for evaluations that read it on every request (a trend, a week report): reused
   * for five seconds. An edit through this instance takes effect at once; one made through
   * another instance within those seconds. Edits and anything inside a transaction use `get`.
   */
  current(jurisdiction: string): Promise<JurisdictionPolicyRecord> {
    const now = performance.now();
    const hit = this.cached.get(jurisdiction);
    if (hit && hit.until > now) return hit.record;
    const record = this.get(jurisdiction);
    this.cached.set(jurisdiction, { until: now + CACHED_POLICY_MS, record });
    record.catch(() => this.cached.delete(jurisdiction));
    return record;
  }

  async get(jurisdiction: string, manager: EntityManager = this.dataSource.manager): Promise<JurisdictionPolicyRecord> {
    const record = await manager.findOne(JurisdictionPolicyRecord, { where: { jurisdictionCode: jurisdiction } });
    if (!record) throw new RegistryError(RegistryErrorCode.POLICY_NOT_FOUND, { jurisdiction });
    return record;
  }

  /** Replaces a policy; `expectedVersion` must be the version the admin edited (optimistic concurrency). */
  async update(jurisdiction: string, policy: unknown, expectedVersion: number, userId: string, comment?: string) {
    const problems = policyProblems(policy);
    if (problems.length) throw new RegistryError(RegistryErrorCode.POLICY_INVALID, {}, problems);
    return this.dataSource
      .transaction(async (manager) => {
        const current = await manager.findOne(JurisdictionPolicyRecord, {
          where: { jurisdictionCode: jurisdiction },
          lock: { mode: 'pessimistic_write' },
        });
        if (!current) throw new RegistryError(RegistryErrorCode.POLICY_NOT_FOUND, { jurisdiction });
        if (current.version !== expectedVersion) {
          throw new RegistryError(RegistryErrorCode.VERSION_CONFLICT, { currentVersion: current.version });
        }
        await manager.insert(JurisdictionPolicyChange, {
          jurisdictionCode: jurisdiction,
          changedBy: userId,
          before: current.policy,
          after: policy as JurisdictionPolicy,
          comment: comment ?? null,
        });
        current.policy = policy as JurisdictionPolicy;
        current.updatedBy = userId;
        return manager.save(current);
      })
      .finally(() => this.cached.delete(jurisdiction));
  }

  history(jurisdiction: string) {
    return this.dataSource.getRepository(JurisdictionPolicyChange).find({
      where: { jurisdictionCode: jurisdiction },
      order: { id: 'DESC' },
      take: 100,
    });
  }
}
