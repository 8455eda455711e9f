import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type { ApplicationSummary, Page } from '@portal/contracts';
import { InboxQueryDto } from '@portal/api-applications';
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
