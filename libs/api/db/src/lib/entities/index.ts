import { AuditLogEntity } from './audit-log.entity';
import { CompanyYearFiguresEntity } from './company-year-figures.entity';
import { InvitationEntity } from './invitation.entity';
import { LoginThrottleEntity } from './login-throttle.entity';
import { MembershipEntity } from './membership.entity';
import { OrganisationEntity } from './organisation.entity';
import { RegionEntity } from './region.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export {
  AuditLogEntity,
  CompanyYearFiguresEntity,
  InvitationEntity,
  LoginThrottleEntity,
  MembershipEntity,
  OrganisationEntity,
  RegionEntity,
  SessionEntity,
  UserEntity,
};
export type { SessionStage } from './session.entity';

export const ENTITIES = [
  RegionEntity,
  OrganisationEntity,
  UserEntity,
  MembershipEntity,
  SessionEntity,
  LoginThrottleEntity,
  InvitationEntity,
  AuditLogEntity,
  CompanyYearFiguresEntity,
];
