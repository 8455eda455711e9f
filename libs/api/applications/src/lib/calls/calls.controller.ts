import {
  Body,
  Controller,
  Get,
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
import type { CallView } from '@portal/contracts';
import { CallListQueryDto, CreateCallDto } from './calls.dto';
import { CallsService } from './calls.service';

@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @RequirePermission('calls.read')
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: CallListQueryDto,
  ): Promise<CallView[]> {
    return this.calls.list(actor, query);
  }

  @RequirePermission('calls.read')
  @Get(':id')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CallView> {
    return this.calls.get(actor, id);
  }

  @RequirePermission('calls.manage')
  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateCallDto,
  ): Promise<CallView> {
    return this.calls.create(actor, dto);
  }
}
