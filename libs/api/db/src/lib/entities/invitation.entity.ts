import type { Role } from '@portal/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, idColumn, TimestampColumn } from './columns';
import { JsonColumn } from './json-column';

/** What a staff invitation places beyond the role; null for a company's invitations. */
export interface StaffInvitationProfile {
  readonly expert?: {
    readonly discipline: 'technical' | 'finance';
    readonly employerId: string | null;
    readonly conflictIds: string[];
  };
}

/** An e-mail invitation to join a company, or a bureau, bank or provider as staff. The link's token is an HMAC of the id, never stored. */
@Entity('invitations')
@Index('idx_invitation_org_email', ['organisationId', 'email'])
export class InvitationEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ name: 'invited_by', type: 'varchar', length: 36 })
  invitedBy!: string;

  @Column({ type: 'varchar', length: 5, default: 'zh-CN' })
  language!: string;

  @JsonColumn({ nullable: true })
  profile!: StaffInvitationProfile | null;

  @CreatedAt()
  createdAt!: Date;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @TimestampColumn({ name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;
}
