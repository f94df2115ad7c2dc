import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ActorDto } from './actor.dto';

/** Resolves user ids of records with many actors to their names, in one query. */
export interface Actors {
  /** The actor of `id`, or null for none recorded (the service itself) or a user since removed. */
  of(id: string | null | undefined): ActorDto | null;
}

/**
 * Names the users that histories and decisions record by id (recorded_by, changed_by, actor_id:
 * kept without a foreign key, so a record outlives its user). One set-based read per answer.
 */
@Injectable()
export class ActorDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async resolve(ids: readonly (string | null | undefined)[]): Promise<Actors> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    const rows: ActorDto[] = wanted.length
      ? await this.dataSource.query(
          `SELECT id::text, full_name AS "fullName", email FROM users WHERE id = ANY($1::uuid[])`,
          [wanted],
        )
      : [];
    const byId = new Map(rows.map((row) => [row.id, { id: row.id, fullName: row.fullName, email: row.email }]));
    return { of: (id) => (id ? (byId.get(id) ?? null) : null) };
  }
}
