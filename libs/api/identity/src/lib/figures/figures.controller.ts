import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type { CompanyYearFiguresView } from '@portal/contracts';
import type { HighTechSelfCheck } from '@portal/domain';
import { HighTechSelfCheckDto, YearFiguresDto } from './figures.dto';
import { FiguresService } from './figures.service';

@ApiTags('companies')
@Controller('companies/mine')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @RequirePermission('company.profile.read')
  @Get('figures')
  list(@CurrentActor() actor: Actor): Promise<CompanyYearFiguresView[]> {
    return this.figures.list(actor);
  }

  @RequirePermission('company.profile.update')
  @Put('figures/:year')
  save(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: YearFiguresDto,
  ): Promise<CompanyYearFiguresView> {
    return this.figures.save(actor, year, dto);
  }

  @RequirePermission('company.profile.read')
  @Post('high-tech-self-check')
  @HttpCode(200)
  selfCheck(
    @CurrentActor() actor: Actor,
    @Body() dto: HighTechSelfCheckDto,
  ): Promise<HighTechSelfCheck> {
    return this.figures.highTechSelfCheck(actor, dto);
  }
}
