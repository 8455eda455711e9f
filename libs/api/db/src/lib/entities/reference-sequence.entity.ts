import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last reference number handed out per type, year and county. */
@Entity('reference_sequences')
export class ReferenceSequenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  type!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode!: string;

  @Column({ name: 'last_value', type: 'int' })
  lastValue!: number;
}
