import { Readable } from 'node:stream';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  AuditService,
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import { AuditLogEntity } from '@portal/api-db';
import type { AuditEntryView, AuditResult, Page } from '@portal/contracts';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { Repository } from 'typeorm';
import {
  auditEntryView,
  csvHeader,
  csvRow,
  filteredAuditLog,
  type AuditFilter,
} from './audit-log.query';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || undefined : value;

export class AuditLogFilterDto implements AuditFilter {
  @ApiPropertyOptional({
    description: 'Free text: actor, object, IP, detail, the action in words',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    description: "The actor's e-mail (part of it) or user id",
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  actor?: string;

  @ApiPropertyOptional({ description: 'Exact action code, e.g. auth.login' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ description: 'e.g. user, application, invitation' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  objectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  objectId?: string;

  @ApiPropertyOptional({ enum: ['success', 'failure', 'denied'] })
  @IsOptional()
  @IsIn(['success', 'failure', 'denied'], {
    message: '[result.invalid] Choose success, failure or denied',
  })
  result?: AuditResult;

  @ApiPropertyOptional({
    description: 'From this instant (ISO 8601), inclusive',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '[from.invalid] Enter a valid date' })
  from?: string;

  @ApiPropertyOptional({ description: 'Before this instant (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '[to.invalid] Enter a valid date' })
  to?: string;
}

export class AuditLogQueryDto extends AuditLogFilterDto {
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

export class AuditLogExportDto extends AuditLogFilterDto {
  @ApiPropertyOptional({
    enum: ['zh-CN', 'en'],
    description: 'Language of the headers and action words',
  })
  @IsOptional()
  @IsIn(['zh-CN', 'en'], { message: '[lang.invalid] Use zh-CN or en' })
  lang?: 'zh-CN' | 'en';
}

/** Rows read per statement while streaming an export. */
const EXPORT_BATCH = 500;

/** The audit trail, newest first. Read-only: auditors can look, nobody can change it. */
@ApiTags('audit')
@Controller('audit-log')
export class AuditLogController {
  constructor(
    @InjectRepository(AuditLogEntity)
    private readonly repo: Repository<AuditLogEntity>,
    private readonly audit: AuditService,
  ) {}

  @RequirePermission('audit.read')
  @Get()
  async list(@Query() query: AuditLogQueryDto): Promise<Page<AuditEntryView>> {
    const limit = query.limit ?? 50;
    const rows = await filteredAuditLog(
      this.repo,
      query,
      query.cursor ? Number(query.cursor) : undefined,
    )
      .limit(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    return {
      items: page.map(auditEntryView),
      nextCursor:
        rows.length > limit ? String(page[page.length - 1]?.id) : null,
    };
  }

  /**
   * The filtered trail as CSV (UTF-8 with a BOM so spreadsheets read the Chinese), streamed in
   * keyset batches: memory stays flat however long the log. The export itself is audited.
   */
  @RequirePermission('audit.read')
  @Get('export.csv')
  async exportCsv(
    @CurrentActor() actor: Actor,
    @Query() query: AuditLogExportDto,
  ): Promise<StreamableFile> {
    const { lang, ...filter } = query;
    const language = lang ?? 'zh-CN';
    await this.audit.record({
      action: 'audit.exported',
      result: 'success',
      userId: actor.userId,
      userEmail: actor.email,
      ip: actor.ip,
      detail: { filter },
    });
    const repo = this.repo;
    async function* lines(): AsyncGenerator<string> {
      yield '\uFEFF' + csvHeader(language);
      let before: number | undefined;
      for (;;) {
        const rows = await filteredAuditLog(repo, filter, before)
          .limit(EXPORT_BATCH)
          .getMany();
        if (rows.length) yield rows.map((r) => csvRow(r, language)).join('');
        if (rows.length < EXPORT_BATCH) return;
        before = rows[rows.length - 1]?.id;
      }
    }
    const day = new Date().toISOString().slice(0, 10);
    return new StreamableFile(Readable.from(lines()), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-log-${day}.csv"`,
    });
  }
}
