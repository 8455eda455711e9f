import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor } from '@portal/api-access';
import {
  AppConfig,
  NotFoundError,
  PortalClock,
  ValidationFailedError,
} from '@portal/api-core';
import { OutboxEntity } from '@portal/api-db';
import {
  JobProducer,
  PORTAL_CLOCK_TICKS,
  PortalClockSync,
  QUEUES,
  type QueueName,
} from '@portal/api-jobs';
import type {
  MoveClockRequest,
  MoveClockResult,
  PortalClockView,
} from '@portal/contracts';
import type { Job } from 'bull';
import {
  And,
  DataSource,
  In,
  IsNull,
  LessThanOrEqual,
  MoreThan,
  Not,
  type FindOptionsWhere,
} from 'typeorm';
import { OutboxRelay } from '../outbox/outbox-relay.service';

const DAY_MS = 86_400_000;
/** How far one move may go: enough for a certificate's three years and a renewal. */
const MAX_MOVE_DAYS = 3660;
/** Timers one move runs at most; what is left runs at the next move (or in real time). */
const MAX_TIMERS = 500;
/** Future timers one move re-schedules at most (their Bull delays count from real time). */
const MAX_RESCHEDULED = 5000;
/** How long a move waits for one timer's handler (a process that runs workers must be up). */
const TIMER_WAIT_MS = 30_000;
const POLL_MS = 25;

/**
 * The development clock (DEV_CLOCK; never in production): a system administrator moves the
 * portal's time forward, and every timer that comes due by then runs through Bull as it would
 * have — one at a time, in due order, each with the clock standing at its own due time (so a
 * notice that ended on the 10th working day certifies on that day), and those its handler
 * schedules too when they fall due before the target.
 *
 * Timers are outbox rows with a `run_at` in portal time; their Bull jobs are delayed by
 * `run_at − portal now` when handed over. So a move (1) promotes, row by row, the jobs of rows
 * due by the target (hands over those not handed over yet), waiting for each to finish, (2)
 * leaves the clock at the target, and (3) hands the later timers to Bull again with their delay
 * counted from the new time, and brings the calls' clock's next tick forward.
 */
@Injectable()
export class DevClockService {
  private readonly logger = new Logger('DevClock');
  /**
   * Moves in this process run one after the other (a second starts where the first ended, so
   * a target already passed is a 400); the store never goes back whichever process moves it.
   */
  private previous: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: PortalClock,
    private readonly sync: PortalClockSync,
    private readonly relay: OutboxRelay,
    private readonly producer: JobProducer,
    private readonly audit: AuditService,
  ) {}

  view(): PortalClockView {
    return {
      now: this.clock.now().toISOString(),
      offsetMs: this.clock.offsetMs,
      moved: this.clock.offsetMs > 0,
      movable: this.config.devClock,
    };
  }

  /** Moves the clock forward and runs the timers due by then; audited as clock.moved. */
  move(actor: Actor, request: MoveClockRequest): Promise<MoveClockResult> {
    if (!this.config.devClock)
      return Promise.reject(new NotFoundError('The development clock'));
    const run = this.previous.then(
      () => this.moveNow(actor, request),
      () => this.moveNow(actor, request),
    );
    this.previous = run.catch(() => undefined);
    return run;
  }

  private async moveNow(
    actor: Actor,
    request: MoveClockRequest,
  ): Promise<MoveClockResult> {
    await this.sync.refresh();
    const from = this.clock.now();
    const to = target(from, request);
    let ran: { fired: number; pending: number };
    try {
      ran = await this.runTimersUntil(from, to);
      await this.sync.moveTo(to.getTime() - Date.now());
      await this.reschedule(to);
    } catch (error) {
      // Stopped part of the way (Redis?): the clock may stand between the two; say where.
      await this.audit.record({
        action: 'clock.moved',
        result: 'failure',
        userId: actor.userId,
        userEmail: actor.email,
        ip: actor.ip,
        objectType: 'clock',
        objectId: 'portal',
        detail: {
          from: from.toISOString(),
          to: this.clock.now().toISOString(),
          wanted: to.toISOString(),
        },
      });
      throw error;
    }
    const { fired, pending } = ran;
    await this.audit.record({
      action: 'clock.moved',
      result: 'success',
      userId: actor.userId,
      userEmail: actor.email,
      ip: actor.ip,
      objectType: 'clock',
      objectId: 'portal',
      detail: {
        from: from.toISOString(),
        to: to.toISOString(),
        fired,
        pending,
      },
    });
    this.logger.warn(
      `Clock moved by ${actor.email} from ${from.toISOString()} to ${to.toISOString()}: ${fired} timers ran, ${pending} pending`,
    );
    return { ...this.view(), from: from.toISOString(), fired, pending };
  }

  /**
   * Runs the timers due by `to`, earliest first: rows due after `from` (their jobs wait in
   * Bull's delayed set) and rows not yet handed over at all. After each, the next is looked up
   * again, since a handler's transition may have scheduled an earlier one.
   */
  private async runTimersUntil(
    from: Date,
    to: Date,
  ): Promise<{ fired: number; pending: number }> {
    const outbox = this.dataSource.getRepository(OutboxEntity);
    const done: string[] = [];
    let fired = 0;
    let pending = 0;
    for (let i = 0; i < MAX_TIMERS; i++) {
      const notDone: FindOptionsWhere<OutboxEntity> = {
        completedAt: IsNull(),
        ...(done.length ? { id: Not(In(done)) } : {}),
      };
      const row = await outbox.findOne({
        where: [
          { ...notDone, runAt: And(MoreThan(from), LessThanOrEqual(to)) },
          { ...notDone, dispatchedAt: IsNull(), runAt: LessThanOrEqual(to) },
        ],
        order: { runAt: 'ASC', createdAt: 'ASC' },
      });
      if (!row) return { fired, pending };
      done.push(row.id);
      // The handler runs with the clock at the timer's own due time.
      if (row.runAt.getTime() > this.clock.nowMs())
        await this.sync.moveTo(row.runAt.getTime() - Date.now());
      if (await this.runNow(row)) fired++;
      else pending++;
    }
    this.logger.warn(
      `Stopped after ${MAX_TIMERS} timers; the rest run at the next move`,
    );
    return { fired, pending };
  }

  /** Makes the row's job run now and waits for it; false when it did not finish in time. */
  private async runNow(row: OutboxEntity): Promise<boolean> {
    const queue = this.producer.queue(row.queue as QueueName);
    const id = `${row.jobName}:${row.id}`;
    let job = (await queue.getJob(id)) as Job | null;
    if (!job) {
      // Never handed over, or Redis lost it: hand it over now, with no delay left.
      await this.relay.dispatch([row], row.dispatchedAt !== null);
      job = (await queue.getJob(id)) as Job | null;
      if (!job) return false;
    } else if ((await job.getState()) === 'delayed' && job.attemptsMade === 0) {
      // Bull's own timer may promote it first: then it is no longer delayed, which is fine.
      await job.promote().catch(() => undefined);
    }
    return this.finished(queue.name as QueueName, id);
  }

  private async finished(queueName: QueueName, id: string): Promise<boolean> {
    const queue = this.producer.queue(queueName);
    const until = Date.now() + TIMER_WAIT_MS;
    while (Date.now() < until) {
      const job = (await queue.getJob(id)) as Job | null;
      if (!job) return true;
      const state = await job.getState();
      if (state === 'completed' || state === 'failed') return true;
      // Failed once and waiting to retry (a real-time backoff): it is Bull's to finish.
      if (state === 'delayed' && job.attemptsMade > 0) return true;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return false;
  }

  /**
   * Timers due after the new time still wait in Bull for a delay counted from the old one:
   * each is handed over again with its delay counted from now (same job id, so once). The
   * repeatable ticks that read the portal's clock run once at the new time.
   */
  private async reschedule(to: Date): Promise<void> {
    const rows = await this.dataSource.getRepository(OutboxEntity).find({
      where: {
        completedAt: IsNull(),
        dispatchedAt: Not(IsNull()),
        runAt: MoreThan(to),
      },
      order: { runAt: 'ASC' },
      take: MAX_RESCHEDULED,
    });
    for (const row of rows) {
      const job = (await this.producer
        .queue(row.queue as QueueName)
        .getJob(`${row.jobName}:${row.id}`)) as Job | null;
      if (!job || job.attemptsMade > 0 || (await job.getState()) !== 'delayed')
        continue;
      try {
        await job.remove();
        await this.relay.dispatch([row], true);
      } catch (error) {
        this.logger.warn(
          `Timer ${job.id} keeps its old delay: ${(error as Error).message}`,
        );
      }
    }
    for (const name of Object.values(QUEUES)) {
      const delayed = await this.producer.queue(name).getDelayed();
      for (const job of delayed)
        if (PORTAL_CLOCK_TICKS.includes(job.name as never))
          await job.promote().catch(() => undefined);
    }
  }
}

/** Where the request moves the clock to; a 400 unless it is one of the two and ahead of now. */
function target(from: Date, request: MoveClockRequest): Date {
  const given = [request.advanceTo, request.advanceDays].filter(
    (v) => v !== undefined,
  );
  if (given.length !== 1)
    throw new ValidationFailedError([
      {
        field: 'advanceTo',
        code: 'clock.one_of',
        message: 'Give either advanceTo (a date and time) or advanceDays',
      },
    ]);
  const to =
    request.advanceTo !== undefined
      ? new Date(request.advanceTo)
      : new Date(from.getTime() + (request.advanceDays ?? 0) * DAY_MS);
  const field = request.advanceTo !== undefined ? 'advanceTo' : 'advanceDays';
  if (Number.isNaN(to.getTime()) || to.getTime() <= from.getTime())
    throw new ValidationFailedError([
      {
        field,
        code: 'clock.backwards',
        message: `The clock only moves forward: give a time after ${from.toISOString()}`,
      },
    ]);
  if (to.getTime() - from.getTime() > MAX_MOVE_DAYS * DAY_MS)
    throw new ValidationFailedError([
      {
        field,
        code: 'clock.too_far',
        message: `Move the clock at most ${MAX_MOVE_DAYS} days at a time`,
      },
    ]);
  return to;
}
