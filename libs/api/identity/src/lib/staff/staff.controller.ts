import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type {
  Page,
  StaffInvitationCreated,
  StaffMemberView,
  StaffOrganisationView,
} from '@portal/contracts';
import {
  DeactivateStaffDto,
  InviteStaffDto,
  ResetSecondFactorDto,
  StaffListQueryDto,
  StaffOrganisationQueryDto,
} from './staff.dto';
import { StaffService } from './staff.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Bureau administrators manage the staff of their region (users.manage). */
@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @RequirePermission('users.manage')
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: StaffListQueryDto,
  ): Promise<Page<StaffMemberView>> {
    return this.staff.list(actor, query);
  }

  @RequirePermission('users.manage')
  @Get('organisations')
  organisations(
    @CurrentActor() actor: Actor,
    @Query() query: StaffOrganisationQueryDto,
  ): Promise<StaffOrganisationView[]> {
    return this.staff.organisations(actor, query);
  }

  @RequirePermission('users.manage')
  @Post('invitations')
  invite(
    @CurrentActor() actor: Actor,
    @Body() dto: InviteStaffDto,
  ): Promise<StaffInvitationCreated> {
    return this.staff.invite(actor, dto);
  }

  @RequirePermission('users.manage')
  @Post(':userId/deactivate')
  @HttpCode(200)
  deactivate(
    @CurrentActor() actor: Actor,
    @Param('userId', uuid) userId: string,
    @Body() dto: DeactivateStaffDto,
  ): Promise<StaffMemberView> {
    return this.staff.deactivate(actor, userId, dto.reason ?? null);
  }

  @RequirePermission('users.manage')
  @Post(':userId/reactivate')
  @HttpCode(200)
  reactivate(
    @CurrentActor() actor: Actor,
    @Param('userId', uuid) userId: string,
  ): Promise<StaffMemberView> {
    return this.staff.reactivate(actor, userId);
  }

  @RequirePermission('users.manage')
  @Post(':userId/reset-second-factor')
  @HttpCode(200)
  resetSecondFactor(
    @CurrentActor() actor: Actor,
    @Param('userId', uuid) userId: string,
    @Body() dto: ResetSecondFactorDto,
  ): Promise<StaffMemberView> {
    return this.staff.resetSecondFactor(actor, userId, dto);
  }
}
