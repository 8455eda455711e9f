import { Controller, Get } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@portal/api-access';
import { RegionEntity } from '@portal/api-db';
import type { RegionView } from '@portal/contracts';
import type { Repository } from 'typeorm';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(
    @InjectRepository(RegionEntity)
    private readonly regions: Repository<RegionEntity>,
  ) {}

  /** The counties a company can register in. */
  @Public()
  @Get()
  async counties(): Promise<RegionView[]> {
    const rows = await this.regions.find({
      where: { level: 'county' },
      order: { code: 'ASC' },
    });
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level }));
  }
}
