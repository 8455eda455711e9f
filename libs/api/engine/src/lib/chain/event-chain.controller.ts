import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@portal/api-access';
import type { ChainVerification } from '@portal/contracts';
import { IsOptional, IsUUID } from 'class-validator';
import { EventChainService } from './event-chain.service';

export class ChainQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4')
  applicationId?: string;
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
