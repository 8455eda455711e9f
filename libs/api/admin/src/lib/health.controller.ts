import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { Public } from '@portal/api-access';
import { JobProducer, QUEUES } from '@portal/api-jobs';
import type { HealthView } from '@portal/contracts';
import type { FastifyReply } from 'fastify';

const CHECK_TIMEOUT_MS = 1500;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly jobs: JobProducer,
  ) {}

  /** 200 when the database and Redis answer, 503 (degraded) when either does not. */
  @Public()
  @Get()
  async check(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthView> {
    let details: Record<string, { status: string }>;
    try {
      details = (
        await this.health.check([
          () => this.db.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
          () => this.redisCheck(),
        ])
      ).details;
    } catch (error) {
      details = ((
        error as { response?: { details?: Record<string, { status: string }> } }
      ).response?.details ?? {}) as Record<string, { status: string }>;
    }
    const view: HealthView = {
      status:
        details['database']?.status === 'up' &&
        details['redis']?.status === 'up'
          ? 'ok'
          : 'degraded',
      database: details['database']?.status === 'up' ? 'up' : 'down',
      redis: details['redis']?.status === 'up' ? 'up' : 'down',
    };
    void reply.status(view.status === 'ok' ? 200 : 503);
    return view;
  }

  /**
   * Liveness: the process answers HTTP. It asks neither the database nor Redis, so an
   * orchestrator does not restart a healthy API during another server's outage.
   */
  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  private async redisCheck(): Promise<HealthIndicatorResult> {
    const client = this.jobs.queue(QUEUES.notifications).client;
    const up = await Promise.race([
      client.ping().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) =>
        setTimeout(() => resolve(false), CHECK_TIMEOUT_MS).unref(),
      ),
    ]);
    return { redis: { status: up ? 'up' : 'down' } };
  }
}
