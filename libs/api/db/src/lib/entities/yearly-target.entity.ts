import type { TargetValues } from '@portal/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from './columns';
import { JsonColumn, yuan } from './json-column';

/**
 * A region's targets for one year, set by its bureau (the measures are the domain's
 * TARGET_MEASURES, kept as one JSON object so a new measure needs no migration), and the
 * region's GDP that year, which turns R&D spending into a share of GDP.
 */
@Entity('yearly_targets')
export class YearlyTargetEntity {
  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @JsonColumn({ name: 'target_values' })
  values!: TargetValues;

  /** The region's GDP for the year in 万元 (10,000 yuan); null until the bureau enters it. */
  @Column({
    name: 'gdp_wan_yuan',
    type: 'bigint',
    nullable: true,
    transformer: yuan,
  })
  gdpWanYuan!: number | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy!: string;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
