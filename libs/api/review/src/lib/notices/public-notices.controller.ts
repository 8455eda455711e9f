import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  Public,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type {
  MyObjectionView,
  PublicNoticeView,
  StartNoticeResult,
} from '@portal/contracts';
import { ObjectionDto, StartNoticeDto } from './public-notices.dto';
import { PublicNoticesService } from './public-notices.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('public notices')
@Controller('public-notices')
export class PublicNoticesController {
  constructor(private readonly notices: PublicNoticesService) {}

  /** A public notice is public: no session needed, and only the public fields. */
  @Public()
  @Get()
  list(): Promise<PublicNoticeView[]> {
    return this.notices.list();
  }

  /** The signed-in user's own objections, with what became of each. */
  @RequirePermission('notices.read')
  @Get('objections/mine')
  mine(@CurrentActor() actor: Actor): Promise<MyObjectionView[]> {
    return this.notices.objectionsOf(actor);
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
