import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { idColumn, TimestampColumn } from './columns';

/** A real-name objection lodged during a public notice. */
@Entity('objections')
@Index('idx_objection_application', ['applicationId', 'status'])
export class ObjectionEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'real_name', type: 'varchar', length: 100 })
  realName!: string;

  @Column({ type: 'text' })
  reasons!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: 'open' | 'upheld' | 'dismissed';

  @TimestampColumn({ name: 'lodged_at' })
  lodgedAt!: Date;
}
