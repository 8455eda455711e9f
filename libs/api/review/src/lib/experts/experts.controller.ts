import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type {
  ExpertPanelView,
  ExpertProfileView,
  PublicNoticeView,
  StartNoticeResult,
} from '@portal/contracts';
import { PublicNoticesService } from '../notices/public-notices.service';
import {
  DeclareConflictsDto,
  ObjectionDto,
  ScoreDto,
  StartNoticeDto,
} from './experts.dto';
import { ExpertsService } from './experts.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('applications')
@Controller('applications/:id')
export class ExpertsController {
  constructor(private readonly experts: ExpertsService) {}

  @RequirePermission('applications.act')
  @Post('experts/draw')
  draw(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<ExpertPanelView> {
    return this.experts.draw(actor, id);
  }

  @RequirePermission('applications.read')
  @Get('experts')
  panel(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<ExpertPanelView> {
    return this.experts.panel(actor, id);
  }

  @RequirePermission('applications.act')
  @Put('score')
  score(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: ScoreDto,
  ): Promise<ExpertPanelView> {
    return this.experts.score(actor, id, dto);
  }
}

@ApiTags('public notices')
@Controller('public-notices')
export class PublicNoticesController {
  constructor(private readonly notices: PublicNoticesService) {}

  @RequirePermission('notices.read')
  @Get()
  list(): Promise<PublicNoticeView[]> {
    return this.notices.list();
  }

  @RequirePermission('applications.act')
  @Post()
  @HttpCode(200)
  start(
    @CurrentActor() actor: Actor,
    @Body() dto: StartNoticeDto,
  ): Promise<StartNoticeResult> {
    return this.notices.start(actor, dto);
  }

  @RequirePermission('notices.read')
  @Post(':id/objections')
  @HttpCode(204)
  object(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: ObjectionDto,
  ): Promise<void> {
    return this.notices.object(actor, id, dto);
  }
}

@ApiTags('applications')
@Controller('experts/me')
export class ExpertProfileController {
  constructor(private readonly experts: ExpertsService) {}

  @RequirePermission('applications.act')
  @Put('conflicts')
  declare(
    @CurrentActor() actor: Actor,
    @Body() dto: DeclareConflictsDto,
  ): Promise<ExpertProfileView> {
    return this.experts.declareConflicts(actor, dto.organisationIds);
  }
}
