import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationEntity } from './application.entity';
import { AttachmentEntity } from './attachment.entity';
import { AuditLogEntity } from './audit-log.entity';
import {
  CalendarOverrideEntity,
  CalendarRevisionEntity,
} from './calendar-override.entity';
import { CallEntity } from './call.entity';
import { CompanyLicenceEntity } from './company-licence.entity';
import {
  CompanyYearFiguresEntity,
  figuresBefore,
  toCompanyYearFigures,
} from './company-year-figures.entity';
import { ExpertAssignmentEntity, ExpertEntity } from './expert.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { InvitationEntity } from './invitation.entity';
import { LoginThrottleEntity } from './login-throttle.entity';
import { MembershipEntity } from './membership.entity';
import {
  NotificationEntity,
  NotificationPreferenceEntity,
} from './notification.entity';
import { GrantEntity } from './grant.entity';
import { ObjectionEntity } from './objection.entity';
import { OrganisationEntity } from './organisation.entity';
import { OutboxEntity } from './outbox.entity';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { ReferenceSequenceEntity } from './reference-sequence.entity';
import { RegionEntity } from './region.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import {
  VoucherLedgerEntity,
  VoucherLedgerEntryEntity,
} from './voucher-ledger.entity';
import {
  VoucherSettlementEntity,
  VoucherSettlementItemEntity,
} from './voucher-settlement.entity';
import { YearlyTargetEntity } from './yearly-target.entity';

export { figuresBefore, toCompanyYearFigures };
export {
  ApplicationEntity,
  ApplicationEventEntity,
  AttachmentEntity,
  AuditLogEntity,
  CalendarOverrideEntity,
  CalendarRevisionEntity,
  CallEntity,
  CompanyLicenceEntity,
  CompanyYearFiguresEntity,
  ExpertAssignmentEntity,
  ExpertEntity,
  GrantEntity,
  IdempotencyKeyEntity,
  InvitationEntity,
  LoginThrottleEntity,
  MembershipEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  ObjectionEntity,
  OrganisationEntity,
  OutboxEntity,
  PasswordResetTokenEntity,
  ReferenceSequenceEntity,
  RegionEntity,
  SessionEntity,
  UserEntity,
  VoucherLedgerEntity,
  VoucherLedgerEntryEntity,
  VoucherSettlementEntity,
  VoucherSettlementItemEntity,
  YearlyTargetEntity,
};
export type { SessionStage } from './session.entity';

export const ENTITIES = [
  RegionEntity,
  OrganisationEntity,
  UserEntity,
  MembershipEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  SessionEntity,
  LoginThrottleEntity,
  PasswordResetTokenEntity,
  InvitationEntity,
  AuditLogEntity,
  CompanyYearFiguresEntity,
  CompanyLicenceEntity,
  CallEntity,
  ApplicationEntity,
  ApplicationEventEntity,
  OutboxEntity,
  IdempotencyKeyEntity,
  AttachmentEntity,
  ReferenceSequenceEntity,
  VoucherLedgerEntity,
  VoucherLedgerEntryEntity,
  VoucherSettlementEntity,
  VoucherSettlementItemEntity,
  ExpertEntity,
  ExpertAssignmentEntity,
  ObjectionEntity,
  CalendarOverrideEntity,
  CalendarRevisionEntity,
  GrantEntity,
  YearlyTargetEntity,
];
export {
  personalDataCipher,
  usePersonalDataCipher,
} from './personal-data-column';
