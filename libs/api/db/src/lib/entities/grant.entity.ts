import type { GrantSeries } from '@portal/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, idColumn } from './columns';

/**
 * What a programme granted a company, as an e-licence (电子证照): a high-tech certificate, a
 * tech-SME registration. Other programmes read it (a loan needs a valid registration; a
 * tech-SME evaluation counts a valid certificate), so it is a row, not only the case's decision.
 */
@Entity('grants')
@Index('uq_grant_number', ['series', 'number'], { unique: true })
@Index('idx_grant_holder', ['organisationId', 'series', 'validUntil'])
export class GrantEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  series!: GrantSeries;

  @Column({ type: 'varchar', length: 32 })
  number!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId!: string;

  /** ISO date (YYYY-MM-DD). */
  @Column({ name: 'issued_on', type: 'varchar', length: 10 })
  issuedOn!: string;

  /** ISO date, the last day it is valid. */
  @Column({ name: 'valid_until', type: 'varchar', length: 10 })
  validUntil!: string;

  @CreatedAt()
  createdAt!: Date;
}
