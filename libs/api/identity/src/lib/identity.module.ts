import { Module } from '@nestjs/common';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LoginThrottleService } from './auth/login-throttle.service';
import { RegistrationService } from './auth/registration.service';
import { SecondFactorService } from './auth/second-factor.service';
import { CompaniesController } from './companies/companies.controller';
import { CompaniesService } from './companies/companies.service';
import { InvitationMailProcessor } from './invitations/invitation-mail.processor';
import { InvitationsService } from './invitations/invitations.service';
import { RegionsController } from './regions/regions.controller';

const services = [
  AuthService,
  LoginThrottleService,
  RegistrationService,
  SecondFactorService,
  CompaniesService,
  InvitationsService,
];

/** Registration, log-in, sessions' second factor, companies and their verification, invitations. */
@Module({
  controllers: [AuthController, CompaniesController, RegionsController],
  providers: services,
  exports: services,
})
export class IdentityModule {}

/** The identity queue handlers, for the worker and for an API that runs its own workers. */
@Module({
  imports: [IdentityModule],
  providers: [InvitationMailProcessor],
})
export class IdentityProcessorsModule {}
