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
  MyExpertConflictsView,
} from '@portal/contracts';
import { DeclareConflictsDto, ScoreDto } from './experts.dto';
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

  @RequirePermission('applications.act')
  @Post('experts/recuse')
  @HttpCode(200)
  recuse(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<ExpertPanelView> {
    return this.experts.recuse(actor, id);
  }

  @RequirePermission('applications.act')
  @Post('experts/:userId/replace')
  @HttpCode(200)
  replace(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
  ): Promise<ExpertPanelView> {
    return this.experts.replace(actor, id, userId);
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

@ApiTags('applications')
@Controller('experts/me')
export class ExpertProfileController {
  constructor(private readonly experts: ExpertsService) {}

  @RequirePermission('applications.act')
  @Get()
  mine(@CurrentActor() actor: Actor): Promise<MyExpertConflictsView> {
    return this.experts.myConflicts(actor);
  }

  @RequirePermission('applications.act')
  @Put('conflicts')
  declare(
    @CurrentActor() actor: Actor,
    @Body() dto: DeclareConflictsDto,
  ): Promise<ExpertProfileView> {
    return this.experts.declareConflicts(actor, dto.organisationIds);
  }
}
