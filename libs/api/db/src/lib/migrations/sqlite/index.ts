import { Foundation1764270000000 } from './1764270000000-foundation';
import { CompanyYearFigures1764280000000 } from './1764280000000-company-year-figures';
import { Applications1764290000000 } from './1764290000000-applications';
import { Notifications1764300000000 } from './1764300000000-notifications';
import { CalendarRevision1764310000000 } from './1764310000000-calendar-revision';
import { Grants1764320000000 } from './1764320000000-grants';
import { LoginThrottlePerClient1764340000000 } from './1764340000000-login-throttle-per-client';
import { SecondFactorState1764340100000 } from './1764340100000-second-factor-state';
import { PasswordResetTokens1764340200000 } from './1764340200000-password-reset-tokens';
import { PersonalDataSealed1764350000000 } from './1764350000000-personal-data-sealed';
import { VoucherSettlements1764360000000 } from './1764360000000-voucher-settlements';
import { YearlyTargets1764370500000 } from './1764370500000-yearly-targets';
import { StaffInvitations1764371000000 } from './1764371000000-staff-invitations';
import { CompanyLicences1764380000000 } from './1764380000000-company-licences';
import { CompanyFoundedOn1764390000000 } from './1764390000000-company-founded-on';

/** In order; each mirrors the MySQL migration of the same name. */
export const SQLITE_MIGRATIONS = [
  Foundation1764270000000,
  CompanyYearFigures1764280000000,
  Applications1764290000000,
  Notifications1764300000000,
  CalendarRevision1764310000000,
  Grants1764320000000,
  LoginThrottlePerClient1764340000000,
  SecondFactorState1764340100000,
  PasswordResetTokens1764340200000,
  PersonalDataSealed1764350000000,
  VoucherSettlements1764360000000,
  YearlyTargets1764370500000,
  StaffInvitations1764371000000,
  CompanyLicences1764380000000,
  CompanyFoundedOn1764390000000,
];
