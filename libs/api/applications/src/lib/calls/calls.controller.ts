import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
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
import type { CallView, ManagedCallView } from '@portal/contracts';
import { CallListQueryDto, CreateCallDto, UpdateCallDto } from './calls.dto';
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

  /** The bureau's list: every call of the admin's region and below, with its use. */
  @RequirePermission('calls.manage')
  @Get('managed')
  managed(@CurrentActor() actor: Actor): Promise<ManagedCallView[]> {
    return this.calls.listManaged(actor);
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

  @RequirePermission('calls.manage')
  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCallDto,
  ): Promise<ManagedCallView> {
    return this.calls.update(actor, id, dto);
  }

  @RequirePermission('calls.manage')
  @Post(':id/open')
  @HttpCode(200)
  open(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ManagedCallView> {
    return this.calls.openNow(actor, id);
  }

  @RequirePermission('calls.manage')
  @Post(':id/close')
  @HttpCode(200)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ManagedCallView> {
    return this.calls.closeNow(actor, id);
  }
}
