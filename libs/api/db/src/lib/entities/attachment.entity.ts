import type { FileKind } from '@portal/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { idColumn, TimestampColumn } from './columns';

/** An uploaded material. The file lives under a random name; its type was checked by content. */
@Entity('attachments')
@Index('idx_attachment_application', ['applicationId', 'materialKey'])
@Index('idx_attachment_company', ['organisationId'])
export class AttachmentEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ name: 'material_key', type: 'varchar', length: 60 })
  materialKey!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: FileKind;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_name', type: 'varchar', length: 64 })
  storageName!: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36 })
  uploadedBy!: string;

  @TimestampColumn({ name: 'uploaded_at' })
  uploadedAt!: Date;
}
