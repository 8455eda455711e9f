import type { RegionLevel } from '@portal/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An administrative division (GB/T 2260) the portal serves. */
@Entity('regions')
export class RegionEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  level!: RegionLevel;

  @Index('idx_regions_parent')
  @Column({ name: 'parent_code', type: 'varchar', length: 6, nullable: true })
  parentCode!: string | null;
}
