import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Post,
  Query,
} from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import {
  IDEMPOTENCY_HEADER,
  type BatchActionResult,
  type InboxCounts,
  type InboxItem,
  type Page,
} from '@portal/contracts';
import {
  idempotencyKey,
  InboxFiltersDto,
  InboxQueryDto,
} from '@portal/api-applications';
import { BatchActionDto } from './batch-action.dto';
import { BatchActionsService } from './batch-actions.service';
import { InboxService } from './inbox.service';

@ApiTags('applications')
@Controller('inbox')
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly batch: BatchActionsService,
  ) {}

  @RequirePermission('applications.inbox')
  @Get()
  page(
    @CurrentActor() actor: Actor,
    @Query() query: InboxQueryDto,
  ): Promise<Page<InboxItem>> {
    return this.inbox.page(actor, query);
  }

  @RequirePermission('applications.inbox')
  @Get('counts')
  counts(
    @CurrentActor() actor: Actor,
    @Query() query: InboxFiltersDto,
  ): Promise<InboxCounts> {
    return this.inbox.counts(actor, query);
  }

  @RequirePermission('applications.inbox')
  @ApiHeader({
    name: IDEMPOTENCY_HEADER,
    required: false,
    description: 'Same key, same answers, no second effect on any case',
  })
  @Post('batch-actions')
  @HttpCode(200)
  batchAction(
    @CurrentActor() actor: Actor,
    @Body() dto: BatchActionDto,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined,
  ): Promise<BatchActionResult> {
    return this.batch.act(actor, dto, idempotencyKey(key));
  }
}
