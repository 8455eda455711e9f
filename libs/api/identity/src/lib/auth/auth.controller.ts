import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiTags } from '@nestjs/swagger';
import {
  AllowStages,
  CurrentActor,
  Public,
  ReqContext,
  type Actor,
  type RequestContext,
} from '@portal/api-access';
import { AppConfig } from '@portal/api-core';
import {
  CSRF_COOKIE,
  type InvitationView,
  type LoginResponse,
  type Me,
  type PasswordResetRequested,
  type RegisterResponse,
  type SecondFactorEnrolment,
} from '@portal/contracts';
import { PASSWORD_RESET_REQUESTS_PER_CLIENT } from '@portal/domain';
import type { FastifyReply } from 'fastify';
import type {} from '@fastify/csrf-protection';
import {
  AcceptInvitationDto,
  ChangePasswordDto,
  CompletePasswordResetDto,
  InvitationTokenDto,
  LoginDto,
  RegisterDto,
  RequestPasswordResetDto,
  SecondFactorDto,
  StartEnrolmentDto,
} from '../dto/identity.dto';
import { InvitationsService } from '../invitations/invitations.service';
import { AuthService, type LoginOutcome } from './auth.service';
import { PasswordService } from './password.service';
import { RegistrationService } from './registration.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

/** Marks a route for @fastify/rate-limit (registered with global: false). */
const AUTH_RATE_LIMIT = { rateLimit: { groupId: 'auth' } };
/** Reset requests: a limit of their own per client, lower than log-in's. */
const RESET_REQUEST_RATE_LIMIT = {
  rateLimit: {
    max: PASSWORD_RESET_REQUESTS_PER_CLIENT,
    timeWindow: 15 * 60_000,
  },
};

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly registration: RegistrationService,
    private readonly invitations: InvitationsService,
    private readonly passwords: PasswordService,
  ) {}

  /** Issues the CSRF token: in a cookie the web app reads and in the body for other clients. */
  @Public()
  @Get('csrf')
  async csrf(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ token: string }> {
    const token = await reply.generateCsrf();
    void reply.setCookie(CSRF_COOKIE, token, {
      path: '/',
      httpOnly: false,
      sameSite: 'strict',
      secure: this.config.publicUrl.startsWith('https:'),
    });
    return { token };
  }

  /** 201 `registered` for a new address and an existing one alike; no session (log in next). */
  @Public()
  @RouteConfig(AUTH_RATE_LIMIT)
  @Post('register')
  register(
    @Body() dto: RegisterDto,
    @ReqContext() context: RequestContext,
  ): Promise<RegisterResponse> {
    return this.registration.register(dto, context);
  }

  @Public()
  @RouteConfig(AUTH_RATE_LIMIT)
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @ReqContext() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    return this.withSession(reply, await this.auth.login(dto, context));
  }

  @AllowStages('second_factor')
  @RouteConfig(AUTH_RATE_LIMIT)
  @Post('login/second-factor')
  @HttpCode(200)
  secondFactor(
    @CurrentActor() actor: Actor,
    @Body() dto: SecondFactorDto,
  ): Promise<LoginResponse> {
    return this.auth.completeSecondFactor(actor, dto.code);
  }

  @AllowStages('second_factor', 'enrolment')
  @Post('logout')
  @HttpCode(204)
  async logout(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(actor);
    clearSessionCookie(reply);
  }

  @AllowStages('enrolment')
  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<Me> {
    return this.auth.me(actor);
  }

  @AllowStages('enrolment')
  @RouteConfig(AUTH_RATE_LIMIT)
  @Post('second-factor/enrol')
  @HttpCode(200)
  enrol(
    @CurrentActor() actor: Actor,
    @Body() dto: StartEnrolmentDto,
  ): Promise<SecondFactorEnrolment> {
    return this.auth.startEnrolment(actor, dto);
  }

  @AllowStages('enrolment')
  @RouteConfig(AUTH_RATE_LIMIT)
  @Post('second-factor/confirm')
  @HttpCode(204)
  confirm(
    @CurrentActor() actor: Actor,
    @Body() dto: SecondFactorDto,
  ): Promise<void> {
    return this.auth.confirmEnrolment(actor, dto.code);
  }

  @RouteConfig(AUTH_RATE_LIMIT)
  @Post('password')
  @HttpCode(204)
  changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    return this.passwords.change(actor, dto);
  }

  /** 202 with the same body for every address; at most 10 requests per client per 15 minutes. */
  @Public()
  @RouteConfig(RESET_REQUEST_RATE_LIMIT)
  @Post('password-reset/request')
  @HttpCode(202)
  async requestPasswordReset(
    @Body() dto: RequestPasswordResetDto,
    @ReqContext() context: RequestContext,
  ): Promise<PasswordResetRequested> {
    await this.passwords.requestReset(dto, context);
    return { status: 'requested' };
  }

  @Public()
  @RouteConfig(AUTH_RATE_LIMIT)
  @Post('password-reset')
  @HttpCode(204)
  completePasswordReset(
    @Body() dto: CompletePasswordResetDto,
    @ReqContext() context: RequestContext,
  ): Promise<void> {
    return this.passwords.completeReset(dto, context);
  }

  /** A POST with the token in the body: a token in a URL would land in access logs. */
  @Public()
  @RouteConfig(AUTH_RATE_LIMIT)
  @Post('invitations/view')
  @HttpCode(200)
  invitation(@Body() dto: InvitationTokenDto): Promise<InvitationView> {
    return this.invitations.view(dto.token);
  }

  @Public()
  @RouteConfig(AUTH_RATE_LIMIT)
  @Post('invitations/accept')
  @HttpCode(200)
  async accept(
    @Body() dto: AcceptInvitationDto,
    @ReqContext() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    return this.withSession(reply, await this.invitations.accept(dto, context));
  }

  private withSession(
    reply: FastifyReply,
    outcome: LoginOutcome,
  ): LoginResponse {
    setSessionCookie(reply, this.config, outcome.sessionToken);
    return outcome.response;
  }
}
