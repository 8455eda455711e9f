/**
 * One fiscal year of a company's figures, kept on the company per year and prefilled into every
 * application (never asked for twice). Money in whole CNY yuan.
 */
export interface CompanyYearFigures {
  readonly year: number;
  /** Total revenue (总收入). */
  readonly totalRevenue: number;
  /** Sales revenue (销售收入). */
  readonly salesRevenue: number;
  /** Revenue from high-tech products and services (高新技术产品（服务）收入). */
  readonly highTechRevenue: number;
  readonly rdExpense: number;
  /** The part of rdExpense spent inside China. */
  readonly rdExpenseDomestic: number;
  readonly staff: number;
  readonly scienceTechStaff: number;
  readonly netAssets: number;
  readonly totalAssets: number;
  readonly totalCosts: number;
  readonly ip: IpCounts;
}

/** Class I: invention patents and the like; class II: utility models, designs, software copyrights. */
export interface IpCounts {
  readonly classOne: number;
  readonly classTwo: number;
}
