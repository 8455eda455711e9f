import type { VerificationStatus } from '@portal/contracts';
import type { OrganisationKind, RegionLevel } from '@portal/domain';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { CreatedAt, idColumn, TimestampColumn, UpdatedAt } from './columns';
import { personalDataColumn } from './personal-data-column';

/**
 * An enterprise, bureau, bank or service provider. The region is stored as three codes so that
 * every reviewer scope is an equality on an indexed column (see LIMITS.md: 20× faster than LIKE).
 */
@Entity('organisations')
@Index('idx_org_county_queue', [
  'kind',
  'countyCode',
  'verificationStatus',
  'createdAt',
  'id',
])
@Index('idx_org_city_queue', [
  'kind',
  'cityCode',
  'verificationStatus',
  'createdAt',
  'id',
])
@Index('idx_org_province_queue', [
  'kind',
  'provinceCode',
  'verificationStatus',
  'createdAt',
  'id',
])
export class OrganisationEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: OrganisationKind;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Unified social credit code; enterprises always have one, bureaus may not. */
  @Index('uq_org_credit_code', { unique: true })
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true })
  creditCode!: string | null;

  /** The organisation's own region: an enterprise's county, a bureau's jurisdiction. */
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode!: string;

  @Column({ name: 'province_code', type: 'varchar', length: 6 })
  provinceCode!: string;

  @Column({ name: 'city_code', type: 'varchar', length: 6, nullable: true })
  cityCode!: string | null;

  @Column({ name: 'county_code', type: 'varchar', length: 6, nullable: true })
  countyCode!: string | null;

  /** Enterprises: the founding date on the business licence (YYYY-MM-DD), when given. */
  @Column({ name: 'founded_on', type: 'varchar', length: 10, nullable: true })
  foundedOn!: string | null;

  /** Bureaus only: the administrative level they work at. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  level!: RegionLevel | null;

  @Column({ name: 'verification_status', type: 'varchar', length: 10 })
  verificationStatus!: VerificationStatus;

  @Column({
    name: 'verification_comment',
    type: 'varchar',
    length: 1000,
    nullable: true,
  })
  verificationComment!: string | null;

  @TimestampColumn({ name: 'verified_at', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by', type: 'varchar', length: 36, nullable: true })
  verifiedBy!: string | null;

  @Column({
    name: 'contact_name',
    type: 'varchar',
    length: 100,
    nullable: true,
  })
  contactName!: string | null;

  /** Sealed at rest (SM4). */
  @Column(personalDataColumn('contact_phone'))
  contactPhone!: string | null;

  @Column({
    name: 'contact_email',
    type: 'varchar',
    length: 254,
    nullable: true,
  })
  contactEmail!: string | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
