import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  chinaDate,
  PortalClock,
  ValidationFailedError,
} from '@portal/api-core';
import { AuditService, type Actor } from '@portal/api-access';
import {
  CompanyYearFiguresEntity,
  figuresBefore,
  GrantsRepository,
  toCompanyYearFigures,
} from '@portal/api-db';
import type { CompanyYearFiguresView } from '@portal/contracts';
import {
  highTechSelfCheck,
  highTechSelfCheckPrefill,
  SELF_CHECK_PREFILL_SERIES,
  type HighTechSelfCheck,
  type HighTechSelfCheckInput,
  type HighTechSelfCheckPrefill,
} from '@portal/domain';
import { DataSource } from 'typeorm';
import { CompaniesService } from '../companies/companies.service';
import type { HighTechSelfCheckDto, YearFiguresDto } from './figures.dto';

const FIRST_YEAR = 2000;

/** The company's yearly figures: kept once per year, read by every application that needs them. */
@Injectable()
export class FiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly audit: AuditService,
    private readonly clock: PortalClock,
  ) {}

  async list(actor: Actor): Promise<CompanyYearFiguresView[]> {
    const rows = await this.dataSource
      .getRepository(CompanyYearFiguresEntity)
      .find({
        where: { organisationId: this.companies.ownCompanyId(actor) },
        order: { year: 'DESC' },
      });
    return rows.map(toView);
  }

  async save(
    actor: Actor,
    year: number,
    dto: YearFiguresDto,
  ): Promise<CompanyYearFiguresView> {
    const currentYear = Number(chinaDate(this.clock.now()).slice(0, 4));
    const problems = [
      ...(year < FIRST_YEAR || year > currentYear
        ? [
            {
              field: 'year',
              code: 'year.range',
              message: `Enter a fiscal year from ${FIRST_YEAR} to ${currentYear}`,
            },
          ]
        : []),
      ...consistencyProblems(dto),
    ];
    if (problems.length) throw new ValidationFailedError(problems);
    const organisationId = this.companies.ownCompanyId(actor);
    const row: CompanyYearFiguresEntity = {
      organisationId,
      year,
      totalRevenue: dto.totalRevenue,
      salesRevenue: dto.salesRevenue,
      highTechRevenue: dto.highTechRevenue,
      rdExpense: dto.rdExpense,
      rdExpenseDomestic: dto.rdExpenseDomestic,
      staff: dto.staff,
      scienceTechStaff: dto.scienceTechStaff,
      netAssets: dto.netAssets,
      totalAssets: dto.totalAssets,
      totalCosts: dto.totalCosts,
      ipClassOne: dto.ip.classOne,
      ipClassTwo: dto.ip.classTwo,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    };
    await this.dataSource.transaction(async (em) => {
      await em.upsert(CompanyYearFiguresEntity, row, [
        'organisationId',
        'year',
      ]);
      await this.audit.record(
        {
          action: 'company.figures_saved',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'organisation',
          objectId: organisationId,
          detail: { year },
        },
        em,
      );
    });
    return toView(row);
  }

  /** The eligibility self-check on the three fiscal years before the application's year. */
  async highTechSelfCheck(
    actor: Actor,
    dto: HighTechSelfCheckDto,
  ): Promise<HighTechSelfCheck> {
    const today = chinaDate(this.clock.now());
    // The portal's today, not the server's: a moved development clock moves it too.
    if (dto.registeredOn > today)
      throw new ValidationFailedError([
        {
          field: 'registeredOn',
          code: 'in_future',
          message: `The date of business registration cannot be later than today (${today}, Beijing time)`,
        },
      ]);
    return this.highTechSelfCheckFor(this.companies.ownCompanyId(actor), {
      registeredOn: dto.registeredOn,
      applicationDate: dto.applicationDate ?? today,
      field: dto.field ?? null,
      majorIncidentLastYear: dto.majorIncidentLastYear,
    });
  }

  /** What the company's valid tech-SME registration answers of the self-check before it is asked. */
  async highTechSelfCheckPrefill(
    actor: Actor,
  ): Promise<HighTechSelfCheckPrefill> {
    const held = await GrantsRepository.newestValidWithFiling(
      this.dataSource.manager,
      this.companies.ownCompanyId(actor),
      chinaDate(this.clock.now()),
      SELF_CHECK_PREFILL_SERIES,
    );
    return highTechSelfCheckPrefill(
      held ? { grant: held.grant, form: held.form ?? {} } : null,
    );
  }

  /** The same check for any company, on the figures it keeps. */
  async highTechSelfCheckFor(
    organisationId: string,
    input: Omit<HighTechSelfCheckInput, 'years'>,
  ): Promise<HighTechSelfCheck> {
    const years = await figuresBefore(
      this.dataSource.manager,
      organisationId,
      Number(input.applicationDate.slice(0, 4)),
    );
    return highTechSelfCheck({ ...input, years });
  }
}

function consistencyProblems(
  dto: YearFiguresDto,
): { field: string; code: string; message: string }[] {
  const rules: [boolean, string, string, string][] = [
    [
      dto.salesRevenue > dto.totalRevenue,
      'salesRevenue',
      'figures.exceeds_total_revenue',
      'Sales revenue cannot exceed total revenue',
    ],
    [
      dto.highTechRevenue > dto.totalRevenue,
      'highTechRevenue',
      'figures.exceeds_total_revenue',
      'High-tech revenue cannot exceed total revenue',
    ],
    [
      dto.rdExpenseDomestic > dto.rdExpense,
      'rdExpenseDomestic',
      'figures.exceeds_rd_expense',
      'Domestic R&D cannot exceed total R&D expense',
    ],
    [
      dto.scienceTechStaff > dto.staff,
      'scienceTechStaff',
      'figures.exceeds_staff',
      'S&T staff cannot exceed all staff',
    ],
  ];
  return rules
    .filter(([broken]) => broken)
    .map(([, field, code, message]) => ({ field, code, message }));
}

function toView(row: CompanyYearFiguresEntity): CompanyYearFiguresView {
  return {
    ...toCompanyYearFigures(row),
    updatedAt: row.updatedAt.toISOString(),
  };
}
