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
import type {
  HighTechSelfCheck,
  HighTechSelfCheckPrefill,
} from '@portal/domain';
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

  /** Answers a valid tech-SME registration gives the self-check (null where it gives none). */
  @RequirePermission('company.profile.read')
  @Get('high-tech-self-check/prefill')
  selfCheckPrefill(
    @CurrentActor() actor: Actor,
  ): Promise<HighTechSelfCheckPrefill> {
    return this.figures.highTechSelfCheckPrefill(actor);
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
