import { highTechSelfCheckPrefill } from './self-check-prefill';

const grant = {
  series: 'tech_sme_registration' as const,
  number: '2026330421000123',
  validUntil: '2027-03-31',
};

describe('the high-tech self-check prefilled from a tech-SME registration', () => {
  it('answers "no major incident last year" from a filing that declared none in three years', () => {
    expect(
      highTechSelfCheckPrefill({
        grant,
        form: { seriousIncidentInThreeYears: false },
      }),
    ).toEqual({
      majorIncidentLastYear: false,
      registration: { number: grant.number, validUntil: grant.validUntil },
    });
  });

  it('leaves the question to the company when the filing declared an incident, or is not in the portal', () => {
    for (const form of [{ seriousIncidentInThreeYears: true }, {}])
      expect(highTechSelfCheckPrefill({ grant, form })).toMatchObject({
        majorIncidentLastYear: null,
        registration: { number: grant.number },
      });
  });

  it('gives nothing without a registration', () => {
    expect(highTechSelfCheckPrefill(null)).toEqual({
      majorIncidentLastYear: null,
      registration: null,
    });
  });
});
