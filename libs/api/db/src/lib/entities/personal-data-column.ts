import type { PersonalDataCipher } from '@portal/api-core';
import type { ColumnOptions, ValueTransformer } from 'typeorm';

let cipher: PersonalDataCipher | null = null;

/**
 * The cipher every personal-data column seals and opens with, set when the database module
 * starts (from PERSONAL_DATA_KEYS). A column transformer has no injector, hence the module
 * variable, and so one key set per process: the API and the worker are a process each, and
 * tests that start several apps in one process give them the same keys. Reading or writing such
 * a column before it is set is an error, never plaintext.
 */
export function usePersonalDataCipher(value: PersonalDataCipher): void {
  cipher = value;
}

export function personalDataCipher(): PersonalDataCipher {
  if (!cipher)
    throw new Error(
      'Personal data read or written before the database module set its cipher',
    );
  return cipher;
}

const sealed: ValueTransformer = {
  to: (value: unknown) =>
    typeof value === 'string' ? personalDataCipher().seal(value) : value,
  from: (value: unknown) =>
    typeof value === 'string' ? personalDataCipher().open(value) : value,
};

/** A nullable text column of personal data, sealed at rest (SM4): room for the sealed form. */
export const personalDataColumn = (name: string): ColumnOptions => ({
  name,
  type: 'varchar',
  length: 128,
  nullable: true,
  transformer: sealed,
});
