import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type {
  CompanyView,
  InvitationCreated,
  MemberView,
  Page,
} from '@portal/contracts';
import {
  ChangeMemberRoleDto,
  CompanyListQueryDto,
  InviteMemberDto,
  UpdateCompanyContactDto,
  VerificationDecisionDto,
} from '../dto/identity.dto';
import { InvitationsService } from '../invitations/invitations.service';
import { CompaniesService } from './companies.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('companies')
@Controller('companies')
export class CompaniesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly invitations: InvitationsService,
  ) {}

  @RequirePermission('company.profile.read')
  @Get('mine')
  mine(@CurrentActor() actor: Actor): Promise<CompanyView> {
    return this.companies.mine(actor);
  }

  @RequirePermission('company.profile.read')
  @Get('mine/members')
  members(@CurrentActor() actor: Actor): Promise<MemberView[]> {
    return this.companies.members(actor);
  }

  /** The contact person, phone and e-mail; name, credit code and region need the county. */
  @RequirePermission('company.profile.update')
  @Put('mine/contact')
  updateContact(
    @CurrentActor() actor: Actor,
    @Body() dto: UpdateCompanyContactDto,
  ): Promise<CompanyView> {
    return this.companies.updateContact(actor, dto);
  }

  /** Removes the member from the company (the last administrator stays); their sessions end. */
  @RequirePermission('company.members.manage')
  @Delete('mine/members/:userId')
  removeMember(
    @CurrentActor() actor: Actor,
    @Param('userId', uuid) userId: string,
  ): Promise<MemberView[]> {
    return this.companies.changeMember(actor, userId, { kind: 'remove' });
  }

  /** Makes the member an administrator or a member (the last administrator stays one). */
  @RequirePermission('company.members.manage')
  @Put('mine/members/:userId/role')
  changeMemberRole(
    @CurrentActor() actor: Actor,
    @Param('userId', uuid) userId: string,
    @Body() dto: ChangeMemberRoleDto,
  ): Promise<MemberView[]> {
    return this.companies.changeMember(actor, userId, {
      kind: 'role',
      role: dto.role,
    });
  }

  @RequirePermission('company.members.manage')
  @Post('mine/invitations')
  invite(
    @CurrentActor() actor: Actor,
    @Body() dto: InviteMemberDto,
  ): Promise<InvitationCreated> {
    return this.invitations.invite(actor, dto);
  }

  @RequirePermission('company.region.read')
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: CompanyListQueryDto,
  ): Promise<Page<CompanyView>> {
    return this.companies.list(actor, query);
  }

  @Get(':id')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<CompanyView> {
    return this.companies.get(actor, id);
  }

  @RequirePermission('company.verify')
  @Post(':id/verify')
  @HttpCode(200)
  verify(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: VerificationDecisionDto,
  ): Promise<CompanyView> {
    return this.companies.decide(actor, id, 'verified', dto.comment);
  }

  @RequirePermission('company.verify')
  @Post(':id/reject-verification')
  @HttpCode(200)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: VerificationDecisionDto,
  ): Promise<CompanyView> {
    return this.companies.decide(actor, id, 'rejected', dto.comment);
  }
}
