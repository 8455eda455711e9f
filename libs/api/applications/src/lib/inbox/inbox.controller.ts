import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type {
  ApplicationSummary,
  ChainVerification,
  Page,
} from '@portal/contracts';
import { ChainQueryDto, InboxQueryDto } from '../applications/applications.dto';
import { EventChainService } from '../chain/event-chain.service';
import { InboxService } from './inbox.service';

@ApiTags('applications')
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @RequirePermission('applications.inbox')
  @Get()
  page(
    @CurrentActor() actor: Actor,
    @Query() query: InboxQueryDto,
  ): Promise<Page<ApplicationSummary>> {
    return this.inbox.page(actor, query);
  }
}

@ApiTags('audit')
@Controller('audit/event-chain')
export class EventChainController {
  constructor(private readonly chain: EventChainService) {}

  @RequirePermission('audit.read')
  @Get()
  verify(@Query() query: ChainQueryDto): Promise<ChainVerification> {
    return this.chain.verify(query.applicationId);
  }
}
