import { Controller, Get, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Public } from '@portal/api-access';
import { RegionEntity } from '@portal/api-db';
import type { RegionView } from '@portal/contracts';
import { IsIn, IsOptional } from 'class-validator';
import type { Repository } from 'typeorm';

export class RegionsQueryDto {
  @ApiPropertyOptional({
    enum: ['county', 'all'],
    description:
      'county (default): where a company registers; all: provinces and cities too',
  })
  @IsOptional()
  @IsIn(['county', 'all'], { message: '[levels.invalid] Use county or all' })
  levels?: 'county' | 'all';
}

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(
    @InjectRepository(RegionEntity)
    private readonly regions: Repository<RegionEntity>,
  ) {}

  /** The counties a company can register in; with levels=all every region (staff placement). */
  @Public()
  @Get()
  async counties(@Query() query: RegionsQueryDto): Promise<RegionView[]> {
    const rows = await this.regions.find({
      where: query.levels === 'all' ? {} : { level: 'county' },
      order: { code: 'ASC' },
    });
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level }));
  }
}
