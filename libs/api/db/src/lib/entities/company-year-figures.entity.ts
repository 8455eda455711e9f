import type { CompanyYearFigures } from '@portal/domain';
import { Column, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import { hydrateRow } from '../rows';
import { TimestampColumn } from './columns';

/** bigint columns come back as strings from mysql2; whole yuan fit a JS number up to 9e15. */
const money = {
  to: (value: number) => value,
  from: (value: string | number | null) =>
    value === null ? null : Number(value),
};

/** A company's figures for one fiscal year: entered once, prefilled into every application. */
@Entity('company_year_figures')
export class CompanyYearFiguresEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'total_revenue', type: 'bigint', transformer: money })
  totalRevenue!: number;

  @Column({ name: 'sales_revenue', type: 'bigint', transformer: money })
  salesRevenue!: number;

  @Column({ name: 'high_tech_revenue', type: 'bigint', transformer: money })
  highTechRevenue!: number;

  @Column({ name: 'rd_expense', type: 'bigint', transformer: money })
  rdExpense!: number;

  @Column({ name: 'rd_expense_domestic', type: 'bigint', transformer: money })
  rdExpenseDomestic!: number;

  @Column({ type: 'int' })
  staff!: number;

  @Column({ name: 'science_tech_staff', type: 'int' })
  scienceTechStaff!: number;

  @Column({ name: 'net_assets', type: 'bigint', transformer: money })
  netAssets!: number;

  @Column({ name: 'total_assets', type: 'bigint', transformer: money })
  totalAssets!: number;

  @Column({ name: 'total_costs', type: 'bigint', transformer: money })
  totalCosts!: number;

  @Column({ name: 'ip_class_one', type: 'int' })
  ipClassOne!: number;

  @Column({ name: 'ip_class_two', type: 'int' })
  ipClassTwo!: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy!: string;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

export function toCompanyYearFigures(
  row: CompanyYearFiguresEntity,
): CompanyYearFigures {
  return {
    year: row.year,
    totalRevenue: row.totalRevenue,
    salesRevenue: row.salesRevenue,
    highTechRevenue: row.highTechRevenue,
    rdExpense: row.rdExpense,
    rdExpenseDomestic: row.rdExpenseDomestic,
    staff: row.staff,
    scienceTechStaff: row.scienceTechStaff,
    netAssets: row.netAssets,
    totalAssets: row.totalAssets,
    totalCosts: row.totalCosts,
    ip: { classOne: row.ipClassOne, classTwo: row.ipClassTwo },
  };
}

/** The company's last three fiscal years before `year`: what the high-tech rules judge. */
export async function figuresBefore(
  em: EntityManager,
  organisationId: string,
  year: number,
): Promise<CompanyYearFigures[]> {
  // Written out: every automated check of a high-tech filing reads it.
  const rows: Record<string, unknown>[] = await em.query(
    'SELECT * FROM company_year_figures WHERE organisation_id = ? AND year < ? ORDER BY year DESC LIMIT 3',
    [organisationId, year],
  );
  return rows.map((row) =>
    toCompanyYearFigures(
      hydrateRow(em.connection, CompanyYearFiguresEntity, row),
    ),
  );
}
