import {
  maskPhone,
  maskResidentId,
  residentIdCheckCharacter,
  validateResidentId,
} from './resident-id-number';

describe('resident identity number', () => {
  it('accepts the standard example with check character X', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({
      valid: true,
      number: '11010519491231002X',
    });
  });

  it('accepts lower-case x and full-width digits', () => {
    expect(validateResidentId('11010519491231002x').valid).toBe(true);
    expect(
      validateResidentId('１１０１０５１９４９１２３１００２Ｘ').valid,
    ).toBe(true);
  });

  it('computes the check character', () => {
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
  });

  it.each([
    ['110105194912310021', 'check'],
    ['11010519491231002', 'length'],
    ['1101051949123100222', 'length'],
    ['11010519491331002X', 'birthdate'],
    ['11010519490230002X', 'birthdate'],
    ['1101051949123100AX', 'character'],
    ['', 'empty'],
  ])('rejects %j as %s', (number, problem) => {
    expect(validateResidentId(number)).toEqual({ valid: false, problem });
  });

  it('rejects a birth date in the future', () => {
    const year = new Date().getFullYear() + 1;
    const first17 = `110105${year}0101001`;
    expect(
      validateResidentId(first17 + residentIdCheckCharacter(first17)),
    ).toEqual({ valid: false, problem: 'birthdate' });
  });

  it('masks numbers for lists and exports', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
