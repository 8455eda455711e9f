import type { HeldGrant } from '../programme';

/** The grant series whose filing can answer part of the high-tech self-check. */
export const SELF_CHECK_PREFILL_SERIES = 'tech_sme_registration' as const;

/** What a valid tech-SME registration (and the filing it was granted on) tells the self-check. */
export interface HighTechSelfCheckPrefill {
  /**
   * Null: the filing cannot answer it and the company must. False: the registered filing
   * declared no major safety, quality or environmental incident in the last three years, so
   * none in the last one either; a declared incident in three years says nothing of the last.
   */
  readonly majorIncidentLastYear: boolean | null;
  /** The registration drawn on, shown beside the check; null when the company holds none. */
  readonly registration: Pick<HeldGrant, 'number' | 'validUntil'> | null;
}

/** The self-check's answers a valid tech-SME registration gives; nothing without one. */
export function highTechSelfCheckPrefill(
  registration: {
    readonly grant: HeldGrant;
    readonly form: Readonly<Record<string, unknown>>;
  } | null,
): HighTechSelfCheckPrefill {
  if (!registration) return { majorIncidentLastYear: null, registration: null };
  return {
    majorIncidentLastYear:
      registration.form['seriousIncidentInThreeYears'] === false ? false : null,
    registration: {
      number: registration.grant.number,
      validUntil: registration.grant.validUntil,
    },
  };
}
