import type { FileKind } from '@portal/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/**
 * A company's business licence (营业执照) as uploaded for its verification: one per company, a
 * new upload replaces it. The file lies in the upload directory under a random name.
 */
@Entity('company_licences')
export class CompanyLicenceEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ name: 'storage_name', type: 'varchar', length: 64 })
  storageName!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: FileKind;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36 })
  uploadedBy!: string;

  @TimestampColumn({ name: 'uploaded_at' })
  uploadedAt!: Date;
}
