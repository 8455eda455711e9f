import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt } from './columns';

/**
 * A day the administrator marks differently from the published calendar (a holiday schedule
 * announced after the library's release, a local closure). Read by every working-day clock.
 */
@Entity('calendar_overrides')
export class CalendarOverrideEntity {
  /** ISO date (YYYY-MM-DD). */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: 'holiday' | 'workday';

  @Column({ type: 'varchar', length: 200 })
  note!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @CreatedAt()
  createdAt!: Date;
}
