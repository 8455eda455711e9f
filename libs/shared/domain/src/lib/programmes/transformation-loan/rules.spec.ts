import {
  loanPrecondition,
  techSmeRegistration,
  techSmeValidUntil,
} from './rules';

describe('transformation loan precondition', () => {
  const registration = {
    number: '2026370100A0001',
    validUntil: techSmeValidUntil(2026),
  };

  it('registrations are valid until 31 March of the next year', () => {
    expect(techSmeValidUntil(2026)).toBe('2027-03-31');
  });

  it('accepts a valid tech-SME registration up to its last day', () => {
    expect(loanPrecondition(registration, false, '2027-03-31').passed).toBe(
      true,
    );
    const late = loanPrecondition(registration, false, '2027-04-01');
    expect(late.passed).toBe(false);
    expect(late.explanation.en).toMatch(/expired on 2027-03-31/);
  });

  it('accepts an equivalent credit rating instead, and explains what is missing otherwise', () => {
    expect(loanPrecondition(null, true, '2026-06-01').passed).toBe(true);
    expect(
      loanPrecondition(null, false, '2026-06-01').explanation['zh-CN'],
    ).toMatch(/入库编号/);
  });
});

describe('techSmeRegistration', () => {
  it('reads the evaluation year from the number and dates its validity to 31 March after it', () => {
    expect(techSmeRegistration(' 20263304210000123 ')).toEqual({
      number: '20263304210000123',
      validUntil: '2027-03-31',
    });
  });

  it('refuses what is not a registration number', () => {
    expect(techSmeRegistration('ABC123')).toBeNull();
    expect(techSmeRegistration('1999123456789')).toBeNull();
  });
});
