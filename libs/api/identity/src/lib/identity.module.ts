import { Module } from '@nestjs/common';
import { AccountMailProcessor } from './account-mail/account-mail.processor';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LoginThrottleService } from './auth/login-throttle.service';
import { PasswordService } from './auth/password.service';
import { RegistrationService } from './auth/registration.service';
import { SecondFactorService } from './auth/second-factor.service';
import { CompaniesController } from './companies/companies.controller';
import { CompaniesService } from './companies/companies.service';
import { CompanyLicenceController } from './companies/company-licence.controller';
import { CompanyLicenceService } from './companies/company-licence.service';
import { InvitationMailProcessor } from './invitations/invitation-mail.processor';
import { InvitationsService } from './invitations/invitations.service';
import { RegionsController } from './regions/regions.controller';
import { SystemAdminBootstrapService } from './bootstrap/system-admin-bootstrap.service';
import { FiguresController } from './figures/figures.controller';
import { FiguresService } from './figures/figures.service';
import { StaffController } from './staff/staff.controller';
import { StaffService } from './staff/staff.service';

const services = [
  AuthService,
  LoginThrottleService,
  PasswordService,
  RegistrationService,
  SecondFactorService,
  CompaniesService,
  CompanyLicenceService,
  InvitationsService,
  FiguresService,
  SystemAdminBootstrapService,
  StaffService,
];

/** Registration, log-in, sessions' second factor, companies and their verification, invitations. */
@Module({
  controllers: [
    AuthController,
    CompaniesController,
    CompanyLicenceController,
    FiguresController,
    RegionsController,
    StaffController,
  ],
  providers: services,
  exports: services,
})
export class IdentityModule {}

/** The identity queue handlers (invitation and account mails), for the worker and for an API that runs its own workers. */
@Module({
  imports: [IdentityModule],
  providers: [InvitationMailProcessor, AccountMailProcessor],
})
export class IdentityProcessorsModule {}
