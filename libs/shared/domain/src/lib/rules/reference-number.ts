import { isRegionCode } from '../regions/region-code';
import { mapProgrammes } from '../programmes/registry';
import {
  APPLICATION_TYPES,
  type ApplicationType,
} from '../workflow/workflow-definition';

/**
 * Reference numbers people read out on the phone and print on letters: type, year, county and a
 * sequence, e.g. GX-2026-330421-00018. Each is unique because the sequence counts per type, year
 * and region.
 */
export const REFERENCE_PREFIXES: { readonly [T in ApplicationType]: string } =
  mapProgrammes((programme) => programme.referencePrefix);

export interface ReferenceNumber {
  readonly type: ApplicationType;
  readonly year: number;
  readonly regionCode: string;
  readonly sequence: number;
}

const SEQUENCE_DIGITS = 5;
const REFERENCE_PATTERN = /^([A-Z]+)-(\d{4})-(\d{6})-(\d{5,})$/;

/** The reference for the `sequence`-th application of a type in a year and region. */
export function formatReference(
  type: ApplicationType,
  year: number,
  regionCode: string,
  sequence: number,
): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`A reference year has four digits: ${year}`);
  }
  if (!isRegionCode(regionCode)) {
    throw new RangeError(`Not a region code: ${regionCode}`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`A reference sequence counts from 1: ${sequence}`);
  }
  const digits = String(sequence).padStart(SEQUENCE_DIGITS, '0');
  return `${REFERENCE_PREFIXES[type]}-${year}-${regionCode}-${digits}`;
}

/**
 * Reads a reference back, or null when it is not one `formatReference` could have written. Only
 * the canonical spelling is accepted (00018, not 000018), so one application has one reference.
 */
export function parseReference(text: string): ReferenceNumber | null {
  const match = REFERENCE_PATTERN.exec(text);
  if (!match) return null;
  const [, prefix, yearDigits, regionCode, sequenceDigits] = match;
  const type = APPLICATION_TYPES.find((t) => REFERENCE_PREFIXES[t] === prefix);
  if (!type) return null;
  const year = Number(yearDigits);
  const sequence = Number(sequenceDigits);
  const canonical =
    sequenceDigits.length === SEQUENCE_DIGITS ||
    !sequenceDigits.startsWith('0');
  if (
    year < 1000 ||
    !isRegionCode(regionCode) ||
    !canonical ||
    !Number.isSafeInteger(sequence) ||
    sequence < 1
  ) {
    return null;
  }
  return { type, year, regionCode, sequence };
}
