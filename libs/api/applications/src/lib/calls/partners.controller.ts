import { Controller, Get, Param, ParseEnumPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@portal/api-access';
import { OrganisationEntity } from '@portal/api-db';
import type { PartnerView } from '@portal/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const KINDS = { banks: 'bank', providers: 'provider' } as const;

/** The verified cooperating banks and service providers an action may name. */
@ApiTags('applications')
@Controller('partners')
export class PartnersController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @RequirePermission('applications.act')
  @Get(':kind')
  async list(
    @Param('kind', new ParseEnumPipe(['banks', 'providers']))
    kind: keyof typeof KINDS,
  ): Promise<PartnerView[]> {
    const rows = await this.dataSource.getRepository(OrganisationEntity).find({
      where: { kind: KINDS[kind], verificationStatus: 'verified' },
      order: { name: 'ASC' },
      take: 500,
    });
    return rows.map((o) => ({
      id: o.id,
      name: o.name,
      regionCode: o.regionCode,
    }));
  }
}
