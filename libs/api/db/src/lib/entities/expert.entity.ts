import type { ExpertScore, ExpertDiscipline } from '@portal/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { idColumn, TimestampColumn } from './columns';
import { JsonColumn } from './json-column';

/** A person in the provincial expert pool. */
@Entity('experts')
export class ExpertEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 12 })
  discipline!: ExpertDiscipline;

  /** Where the expert works (a university, a firm): never drawn for that organisation. */
  @Column({ name: 'employer_id', type: 'varchar', length: 36, nullable: true })
  employerId!: string | null;

  /** Organisations the expert declared a conflict of interest with. */
  @JsonColumn({ name: 'conflict_ids' })
  conflictIds!: string[];

  @Column({ name: 'province_code', type: 'varchar', length: 6 })
  provinceCode!: string;

  @Column({ type: 'boolean' })
  active!: boolean;
}

/** An expert drawn for one application, and their score once given. */
@Entity('expert_assignments')
@Index('uq_expert_assignment', ['applicationId', 'expertUserId'], {
  unique: true,
})
@Index('idx_expert_assignment_inbox', ['expertUserId', 'scoredAt'])
export class ExpertAssignmentEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId!: string;

  @Column({ name: 'expert_user_id', type: 'varchar', length: 36 })
  expertUserId!: string;

  @TimestampColumn({ name: 'assigned_at' })
  assignedAt!: Date;

  @JsonColumn({ nullable: true })
  score!: ExpertScore | null;

  @Column({ type: 'text', nullable: true })
  opinion!: string | null;

  @TimestampColumn({ name: 'scored_at', nullable: true })
  scoredAt!: Date | null;
}
