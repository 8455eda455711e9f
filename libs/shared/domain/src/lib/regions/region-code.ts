/** Administrative division codes, GB/T 2260: six digits, province / city / county. */
export type RegionLevel = 'province' | 'city' | 'county';

export const REGION_CODE_PATTERN = /^[1-8]\d{5}$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE_PATTERN.test(code);
}

export function regionLevel(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

export interface RegionPath {
  readonly provinceCode: string;
  readonly cityCode: string | null;
  readonly countyCode: string | null;
}

/** The codes an enterprise row stores so that every reviewer scope is an equality. */
export function regionPath(code: string): RegionPath {
  const level = regionLevel(code);
  return {
    provinceCode: code.slice(0, 2) + '0000',
    cityCode: level === 'province' ? null : code.slice(0, 4) + '00',
    countyCode: level === 'county' ? code : null,
  };
}

/** Whether `code` lies inside the region `scope` (itself included). */
export function regionContains(scope: string, code: string): boolean {
  switch (regionLevel(scope)) {
    case 'province':
      return code.slice(0, 2) === scope.slice(0, 2);
    case 'city':
      return code.slice(0, 4) === scope.slice(0, 4);
    case 'county':
      return code === scope;
  }
}
