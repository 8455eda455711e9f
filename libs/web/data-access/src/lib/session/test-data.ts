import type { Me } from '@portal/contracts';
import type { Permission } from '@portal/domain';

/** A logged-in user for tests. */
export function testMe(
  permissions: readonly Permission[] = [],
  overrides: Partial<Me> = {},
): Me {
  return {
    id: 'u-1',
    email: 'li.wei@example.com',
    name: '李伟',
    language: 'zh-CN',
    secondFactorEnabled: false,
    memberships: [],
    permissions,
    ...overrides,
  };
}
