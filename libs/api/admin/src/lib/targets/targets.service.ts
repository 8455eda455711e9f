import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor } from '@portal/api-access';
import {
  ForbiddenError,
  PortalClock,
  ValidationFailedError,
} from '@portal/api-core';
import { RegionEntity, YearlyTargetsRepository } from '@portal/api-db';
import type {
  FieldError,
  YearlyTargetRequest,
  YearlyTargetView,
} from '@portal/contracts';
import {
  grantsFor,
  regionContains,
  TARGET_MEASURE_KEYS,
  type TargetMeasure,
  targetValueProblem,
} from '@portal/domain';
import { DataSource } from 'typeorm';

/** The regions' yearly targets: a bureau admin reads and sets those of its region and below. */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PortalClock,
  ) {}

  /** Every region the admin reaches (one, if `region` is given), with its targets for the year. */
  async list(
    actor: Actor,
    year: number,
    region?: string,
  ): Promise<YearlyTargetView[]> {
    const regions = (await this.regionsOf(actor)).filter(
      (r) => !region || r.code === region,
    );
    if (region && !regions.length)
      throw new ForbiddenError(
        'You may see only the targets of your own region and those below it.',
      );
    const rows = await YearlyTargetsRepository.ofYear(
      this.dataSource.manager,
      year,
      regions.map((r) => r.code),
    );
    const byRegion = new Map(rows.map((r) => [r.regionCode, r]));
    return regions.map((r) => {
      const row = byRegion.get(r.code);
      return {
        regionCode: r.code,
        regionName: r.name,
        level: r.level,
        year,
        values: row?.values ?? {},
        gdpWanYuan: row?.gdpWanYuan ?? null,
        updatedAt: row?.updatedAt.toISOString() ?? null,
      };
    });
  }

  /** Sets one region's targets for the year: every measure, checked by the domain's rules. */
  async set(
    actor: Actor,
    year: number,
    region: string | undefined,
    request: YearlyTargetRequest,
  ): Promise<YearlyTargetView> {
    if (!region)
      throw new ValidationFailedError([
        {
          field: 'region',
          code: 'region.required',
          message: 'Name the region the targets are for',
        },
      ]);
    const target = (await this.regionsOf(actor)).find((r) => r.code === region);
    if (!target)
      throw new ForbiddenError(
        'You may set only the targets of your own region and those below it.',
      );
    const problems = valueProblems(request.values);
    if (problems.length) throw new ValidationFailedError(problems);
    const values = Object.fromEntries(
      TARGET_MEASURE_KEYS.map((k) => [k, request.values[k] as number]),
    );
    const updatedAt = this.clock.now();
    await this.dataSource.transaction(async (em) => {
      await YearlyTargetsRepository.save(em, {
        regionCode: region,
        year,
        values,
        gdpWanYuan: request.gdpWanYuan ?? null,
        updatedBy: actor.userId,
        updatedAt,
      });
      await this.audit.record(
        {
          action: 'targets.set',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'region',
          objectId: region,
          detail: { year, values, gdpWanYuan: request.gdpWanYuan ?? null },
        },
        em,
      );
    });
    return {
      regionCode: region,
      regionName: target.name,
      level: target.level,
      year,
      values,
      gdpWanYuan: request.gdpWanYuan ?? null,
      updatedAt: updatedAt.toISOString(),
    };
  }

  /** The regions inside the admin's grants, the admin's own first, then by code. */
  private async regionsOf(actor: Actor): Promise<RegionEntity[]> {
    const scopes = grantsFor(actor.memberships, 'targets.manage').flatMap(
      (g) => (g.regionCode ? [g.regionCode] : []),
    );
    if (!scopes.length)
      throw new ForbiddenError('Only bureau admins set yearly targets.');
    const all = await this.dataSource
      .getRepository(RegionEntity)
      .find({ order: { code: 'ASC' } });
    return all.filter((r) => scopes.some((s) => regionContains(s, r.code)));
  }
}

function valueProblems(
  values: Readonly<Record<string, unknown>>,
): FieldError[] {
  const problems: FieldError[] = [];
  for (const key of Object.keys(values))
    if (!(TARGET_MEASURE_KEYS as readonly string[]).includes(key))
      problems.push({
        field: `values.${key}`,
        code: 'target.unknown',
        message: 'Not a target measure',
      });
  for (const key of TARGET_MEASURE_KEYS) {
    const value = values[key];
    if (typeof value !== 'number') {
      problems.push({
        field: `values.${key}`,
        code: 'target.required',
        message: 'Enter a number',
      });
      continue;
    }
    const problem = targetValueProblem(key as TargetMeasure, value);
    if (problem)
      problems.push({
        field: `values.${key}`,
        code: 'target.invalid',
        message: problem,
      });
  }
  return problems;
}
