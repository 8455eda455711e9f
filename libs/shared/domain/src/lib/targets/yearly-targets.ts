import type { Labels } from '../workflow/workflow-definition';
import { l } from '../workflow/labels';

/**
 * The yearly targets a bureau sets for its region (the seed report's: +6 high-tech
 * enterprises, 40 tech SMEs, R&D at 1.7 % of GDP, 20 city-level or higher projects,
 * 5 platforms). Stored per region and year now, charted against the outcomes by reporting.
 */
export const TARGET_MEASURES = [
  {
    key: 'high_tech_gained',
    label: l('新增高新技术企业（家）', 'High-tech enterprises gained'),
    unit: 'count',
  },
  {
    key: 'tech_sme_registered',
    label: l('科技型中小企业入库（家）', 'Tech SMEs registered'),
    unit: 'count',
  },
  {
    key: 'rd_share_of_gdp',
    label: l('R&D经费占GDP比重（%）', 'R&D spending as % of GDP'),
    unit: 'percent',
  },
  {
    key: 'city_level_projects',
    label: l('市级及以上科技项目（项）', 'City-level or higher S&T projects'),
    unit: 'count',
  },
  {
    key: 'platforms',
    label: l('新建创新平台（个）', 'New innovation platforms'),
    unit: 'count',
  },
] as const satisfies readonly {
  readonly key: string;
  readonly label: Labels;
  readonly unit: 'count' | 'percent';
}[];

export type TargetMeasure = (typeof TARGET_MEASURES)[number]['key'];
export const TARGET_MEASURE_KEYS: readonly TargetMeasure[] =
  TARGET_MEASURES.map((m) => m.key);

export type TargetValues = Readonly<Partial<Record<TargetMeasure, number>>>;

/** The seed report's targets for a county (嘉善县, 2026). */
export const SEED_REPORT_TARGETS: Readonly<Record<TargetMeasure, number>> = {
  high_tech_gained: 6,
  tech_sme_registered: 40,
  rd_share_of_gdp: 1.7,
  city_level_projects: 20,
  platforms: 5,
};

/** The upper bound of a measure's value (a percentage is at most 100). */
export function targetMeasureMax(key: TargetMeasure): number {
  return TARGET_MEASURES.find((m) => m.key === key)?.unit === 'percent'
    ? 100
    : 100_000;
}

/** A measure's problem with a value, or null: whole numbers for counts, two decimals for a percentage. */
export function targetValueProblem(
  key: TargetMeasure,
  value: number,
): string | null {
  const measure = TARGET_MEASURES.find((m) => m.key === key);
  if (!measure) return 'Not a target measure';
  if (!Number.isFinite(value) || value < 0) return 'Use a number of 0 or more';
  if (value > targetMeasureMax(key))
    return `Use at most ${targetMeasureMax(key)}`;
  if (measure.unit === 'count' && !Number.isInteger(value))
    return 'Use a whole number';
  if (Math.round(value * 100) !== value * 100)
    return 'Use at most two decimals';
  return null;
}
