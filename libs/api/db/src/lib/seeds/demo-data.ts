import type { RegionLevel, Role } from '@portal/domain';

/**
 * Demo data for a first start on an empty database (never in production). Region codes are
 * real GB/T 2260 codes (Zhejiang / Jiaxing / Jiashan, Haiyan); the companies are demo companies
 * named after the firms of a county bureau's half-year report; their credit codes are made up
 * but carry a correct check character.
 */
export const DEMO_PASSWORD = 'Demo-Portal-2026';

export interface DemoRegion {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
  readonly bureau: string;
}

export const DEMO_REGIONS: readonly DemoRegion[] = [
  {
    code: '330000',
    name: '浙江省',
    level: 'province',
    parentCode: null,
    bureau: '浙江省科学技术厅',
  },
  {
    code: '330400',
    name: '嘉兴市',
    level: 'city',
    parentCode: '330000',
    bureau: '嘉兴市科学技术局',
  },
  {
    code: '330421',
    name: '嘉善县',
    level: 'county',
    parentCode: '330400',
    bureau: '嘉善县科学技术局',
  },
  {
    code: '330424',
    name: '海盐县',
    level: 'county',
    parentCode: '330400',
    bureau: '海盐县科学技术局',
  },
];

export interface DemoCompany {
  readonly key: string;
  readonly name: string;
  readonly regionCode: string;
  readonly verified: boolean;
  readonly contactName: string;
  readonly phone: string;
}

export const DEMO_COMPANIES: readonly DemoCompany[] = [
  {
    key: 'antai',
    name: '嘉善安泰生物科技有限公司',
    regionCode: '330421',
    verified: true,
    contactName: '王建国',
    phone: '13905730001',
  },
  {
    key: 'shengze',
    name: '嘉善盛泽机械制造有限公司',
    regionCode: '330421',
    verified: true,
    contactName: '李明',
    phone: '13905730002',
  },
  {
    key: 'lihua',
    name: '嘉善利华纸业有限公司',
    regionCode: '330421',
    verified: true,
    contactName: '张丽华',
    phone: '13905730003',
  },
  {
    key: 'jinghua',
    name: '嘉善精华种业有限公司',
    regionCode: '330421',
    verified: true,
    contactName: '陈精华',
    phone: '13905730004',
  },
  {
    key: 'xiaozhong',
    name: '嘉善小众户外用品有限公司',
    regionCode: '330421',
    verified: false,
    contactName: '赵小众',
    phone: '13905730005',
  },
  {
    key: 'youan',
    name: '海盐优安新能源科技有限公司',
    regionCode: '330424',
    verified: false,
    contactName: '孙优安',
    phone: '13905730006',
  },
  {
    key: 'seed',
    name: '海盐县种子公司',
    regionCode: '330424',
    verified: true,
    contactName: '周海',
    phone: '13905730007',
  },
];

export interface DemoStaff {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly bureauRegion: string;
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  {
    email: 'reviewer.jiashan@example.com',
    name: '嘉善县审核员',
    role: 'reviewer',
    bureauRegion: '330421',
  },
  {
    email: 'reviewer.haiyan@example.com',
    name: '海盐县审核员',
    role: 'reviewer',
    bureauRegion: '330424',
  },
  {
    email: 'reviewer.jiaxing@example.com',
    name: '嘉兴市审核员',
    role: 'reviewer',
    bureauRegion: '330400',
  },
  {
    email: 'reviewer.zhejiang@example.com',
    name: '浙江省审核员',
    role: 'reviewer',
    bureauRegion: '330000',
  },
  {
    email: 'admin.jiashan@example.com',
    name: '嘉善县科技局管理员',
    role: 'bureau_admin',
    bureauRegion: '330421',
  },
  {
    email: 'admin.jiaxing@example.com',
    name: '嘉兴市科技局管理员',
    role: 'bureau_admin',
    bureauRegion: '330400',
  },
  {
    email: 'admin.zhejiang@example.com',
    name: '浙江省科技厅管理员',
    role: 'bureau_admin',
    bureauRegion: '330000',
  },
  {
    email: 'sysadmin@example.com',
    name: '系统管理员',
    role: 'system_admin',
    bureauRegion: '330000',
  },
  {
    email: 'auditor@example.com',
    name: '安全审计员',
    role: 'auditor',
    bureauRegion: '330000',
  },
];

export function demoCompanyEmail(company: DemoCompany): string {
  return `${company.key}@example.com`;
}

/** A cooperating bank and a voucher service provider, each with one user. */
export interface DemoPartner {
  readonly kind: 'bank' | 'provider';
  readonly name: string;
  readonly regionCode: string;
  readonly email: string;
  readonly userName: string;
}

export const DEMO_PARTNERS: readonly DemoPartner[] = [
  {
    kind: 'bank',
    name: '嘉兴银行科技支行',
    regionCode: '330400',
    email: 'bank@example.com',
    userName: '嘉兴银行客户经理',
  },
  {
    kind: 'provider',
    name: '浙江清华长三角研究院检测中心',
    regionCode: '330400',
    email: 'provider@example.com',
    userName: '检测中心业务员',
  },
];

/** The provincial expert pool: enough for a panel of 5 with 60% technical and a finance expert. */
export const DEMO_EXPERTS: readonly {
  readonly email: string;
  readonly name: string;
  readonly discipline: 'technical' | 'finance';
}[] = [
  { email: 'expert1@example.com', name: '技术专家一', discipline: 'technical' },
  { email: 'expert2@example.com', name: '技术专家二', discipline: 'technical' },
  { email: 'expert3@example.com', name: '技术专家三', discipline: 'technical' },
  { email: 'expert4@example.com', name: '技术专家四', discipline: 'technical' },
  { email: 'expert5@example.com', name: '财务专家一', discipline: 'finance' },
  { email: 'expert6@example.com', name: '财务专家二', discipline: 'finance' },
];
