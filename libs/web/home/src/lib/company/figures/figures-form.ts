import type {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
  ValidatorFn,
} from '@angular/forms';
import type { CompanyYearFiguresInput } from '@portal/contracts';

/** How money is typed: 万元 (the unit of the financial statements' summaries) or yuan. */
export type MoneyUnit = 'wan' | 'yuan';

/** The API's ceiling for one amount (whole yuan) and for a head count. */
export const MAX_YUAN = 1_000_000_000_000_000;
export const MAX_COUNT = 10_000_000;

export const MONEY_FIELDS = [
  'totalRevenue',
  'salesRevenue',
  'highTechRevenue',
  'rdExpense',
  'rdExpenseDomestic',
  'netAssets',
  'totalAssets',
  'totalCosts',
] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];

export const COUNT_FIELDS = ['staff', 'scienceTechStaff'] as const;

/** Full-width digits, thousands separators and spaces are what people paste from a spreadsheet. */
export function cleanNumber(text: string): string {
  return text.normalize('NFKC').replace(/[\s,，]+/g, '');
}

const WAN = /^\d+(\.\d{1,4})?$/;
const WHOLE = /^\d+$/;

/** Whole yuan from what was typed in the unit, null when it is not a number in that unit. */
export function toYuan(text: string, unit: MoneyUnit): number | null {
  const value = cleanNumber(text);
  if (unit === 'yuan') return WHOLE.test(value) ? Number(value) : null;
  if (!WAN.test(value)) return null;
  // By string, not by multiplying a float: 1.0001 万元 is exactly 10001 yuan.
  const [whole = '0', fraction = ''] = value.split('.');
  return Number(whole) * 10_000 + Number(fraction.padEnd(4, '0'));
}

/** Whole yuan shown in the unit: 12345678 → '1234.5678' 万元. */
export function fromYuan(yuan: number, unit: MoneyUnit): string {
  if (unit === 'yuan') return String(yuan);
  const whole = Math.floor(yuan / 10_000);
  const fraction = String(yuan % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** An amount in the current unit: non-negative, whole yuan at most, under the API's ceiling. */
export function moneyValidator(unit: () => MoneyUnit): ValidatorFn {
  return (control): ValidationErrors | null => {
    const text = typeof control.value === 'string' ? control.value : '';
    if (!text.trim()) return null;
    if (cleanNumber(text).startsWith('-')) return { too_small: true };
    const yuan = toYuan(text, unit());
    if (yuan === null)
      return unit() === 'wan'
        ? { 'figures.wan_format': true }
        : { 'figures.yuan_format': true };
    return yuan > MAX_YUAN ? { too_large: true } : null;
  };
}

export function countValidator(): ValidatorFn {
  return (control): ValidationErrors | null => {
    const text = typeof control.value === 'string' ? control.value : '';
    if (!text.trim()) return null;
    const value = cleanNumber(text);
    if (value.startsWith('-')) return { too_small: true };
    if (!WHOLE.test(value)) return { not_integer: true };
    return Number(value) > MAX_COUNT ? { too_large: true } : null;
  };
}

/**
 * The API's consistency rules, on the field that breaks them (the part, not the whole): sales
 * and high-tech revenue within total revenue, domestic R&D within R&D, S&T staff within staff.
 */
export const CONSISTENCY_RULES = [
  {
    field: 'salesRevenue',
    whole: 'totalRevenue',
    code: 'figures.exceeds_total_revenue',
  },
  {
    field: 'highTechRevenue',
    whole: 'totalRevenue',
    code: 'figures.exceeds_total_revenue',
  },
  {
    field: 'rdExpenseDomestic',
    whole: 'rdExpense',
    code: 'figures.exceeds_rd_expense',
  },
  { field: 'scienceTechStaff', whole: 'staff', code: 'figures.exceeds_staff' },
] as const;

/** A part that must not exceed its whole, both read in the current unit. */
export function withinValidator(
  whole: string,
  code: string,
  read: (control: AbstractControl | null | undefined) => number | null,
): ValidatorFn {
  return (control): ValidationErrors | null => {
    const part = read(control);
    const total = read(control.parent?.get(whole));
    return part !== null && total !== null && part > total
      ? { [code]: true }
      : null;
  };
}

export type FiguresForm = FormGroup<
  Record<MoneyField | 'staff' | 'scienceTechStaff', FormControl<string>> & {
    year: FormControl<number>;
    ip: FormGroup<{
      classOne: FormControl<string>;
      classTwo: FormControl<string>;
    }>;
  }
>;

/** The request body from a valid form, money converted to whole yuan. */
export function figuresInput(
  form: FiguresForm,
  unit: MoneyUnit,
): CompanyYearFiguresInput {
  const value = form.getRawValue();
  const money = (field: MoneyField) => toYuan(value[field], unit) ?? 0;
  const count = (text: string) => Number(cleanNumber(text));
  return {
    totalRevenue: money('totalRevenue'),
    salesRevenue: money('salesRevenue'),
    highTechRevenue: money('highTechRevenue'),
    rdExpense: money('rdExpense'),
    rdExpenseDomestic: money('rdExpenseDomestic'),
    staff: count(value.staff),
    scienceTechStaff: count(value.scienceTechStaff),
    netAssets: money('netAssets'),
    totalAssets: money('totalAssets'),
    totalCosts: money('totalCosts'),
    ip: {
      classOne: count(value.ip.classOne),
      classTwo: count(value.ip.classTwo),
    },
  };
}
