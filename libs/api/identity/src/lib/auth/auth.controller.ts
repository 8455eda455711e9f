import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Res,
} from '@nestjs/common';
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
  type SecondFactorEnrolment,
} from '@portal/contracts';
import type { FastifyReply } from 'fastify';
import type {} from '@fastify/csrf-protection';
import {
  AcceptInvitationDto,
  LoginDto,
  RegisterDto,
  SecondFactorDto,
  StartEnrolmentDto,
} from '../dto/identity.dto';
import { InvitationsService } from '../invitations/invitations.service';
import { AuthService, type LoginOutcome } from './auth.service';
import { RegistrationService } from './registration.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

/** Marks a route for @fastify/rate-limit (registered with global: false). */
const AUTH_RATE_LIMIT = { rateLimit: { groupId: 'auth' } };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly registration: RegistrationService,
    private readonly invitations: InvitationsService,
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

  @Public()
  @RouteConfig(AUTH_RATE_LIMIT)
  @Post('register')
  async register(
    @Body() dto: RegisterDto,
    @ReqContext() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    return this.withSession(
      reply,
      await this.registration.register(dto, context),
    );
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

  @Public()
  @Get('invitations/:token')
  invitation(@Param('token') token: string): Promise<InvitationView> {
    return this.invitations.view(token);
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
