import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A territory whose acts set the rules (Khabarovsk krai, Krasnodar krai, a district, a settlement).
 * Its clock (IANA zone, close of business) is what every deadline there is counted in.
 */
@Entity('jurisdictions')
export class Jurisdiction {
  /** Stable code used in URLs, imports and seeds, e.g. `khabarovsk-krai`. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  /** Close of business on an ordinary working day, local time; one hour earlier on a shortened day. */
  @Column({ name: 'close_of_business', type: 'time', default: '18:00:00' })
  closeOfBusiness!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
