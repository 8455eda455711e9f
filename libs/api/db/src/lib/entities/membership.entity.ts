import type { Role } from '@portal/domain';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { CreatedAt, idColumn } from './columns';
import { OrganisationEntity } from './organisation.entity';
import { UserEntity } from './user.entity';

/** A user's role in one organisation. A user may hold several. */
@Entity('memberships')
@Index('uq_membership', ['userId', 'organisationId', 'role'], { unique: true })
@Index('idx_membership_org', ['organisationId', 'role'])
export class MembershipEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @CreatedAt()
  createdAt!: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;
}
