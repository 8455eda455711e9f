import { Controller, Get, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@portal/api-access';
import { ValidationFailedError } from '@portal/api-core';
import { AuditLogEntity } from '@portal/api-db';
import type { AuditEntryView, Page } from '@portal/contracts';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { Repository } from 'typeorm';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class AuditLogQueryDto {
  @ApiPropertyOptional({ description: 'Exact action, e.g. auth.login' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d+$/, {
    message: '[cursor.invalid] Use the nextCursor of the previous page',
  })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** The audit trail, newest first. Read-only: auditors can look, nobody can change it. */
@ApiTags('audit')
@Controller('audit-log')
export class AuditLogController {
  constructor(
    @InjectRepository(AuditLogEntity)
    private readonly repo: Repository<AuditLogEntity>,
  ) {}

  @RequirePermission('audit.read')
  @Get()
  async list(@Query() query: AuditLogQueryDto): Promise<Page<AuditEntryView>> {
    const limit = query.limit ?? 50;
    const qb = this.repo.createQueryBuilder('a');
    if (query.action)
      qb.andWhere('a.action = :action', { action: query.action });
    if (query.cursor)
      qb.andWhere('a.id < :cursor', { cursor: Number(query.cursor) });
    const rows = await qb
      .orderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    return {
      items: page.map((a) => ({
        id: String(a.id),
        at: a.at.toISOString(),
        userId: a.userId,
        userEmail: a.userEmail,
        ip: a.ip,
        action: a.action,
        objectType: a.objectType,
        objectId: a.objectId,
        result: a.result,
        detail: a.detail ? parseDetail(a.detail) : null,
      })),
      nextCursor:
        rows.length > limit ? String(page[page.length - 1]?.id) : null,
    };
  }
}

function parseDetail(detail: string): Record<string, unknown> {
  try {
    return JSON.parse(detail) as Record<string, unknown>;
  } catch {
    throw new ValidationFailedError([
      { field: 'detail', code: 'corrupt', message: 'Unreadable audit detail' },
    ]);
  }
}
