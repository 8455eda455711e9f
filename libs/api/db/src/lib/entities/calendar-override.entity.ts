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

/**
 * One row (id 1) whose revision moves on with every change to the overrides, in the same
 * transaction. A transition reads it with its case, so a process may keep the overrides of the
 * revision it last read and still sees another process's change at once.
 */
@Entity('calendar_revision')
export class CalendarRevisionEntity {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  revision!: number;
}
