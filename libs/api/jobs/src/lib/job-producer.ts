import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { JobOptions, Queue } from 'bull';
import {
  JOB_QUEUES,
  QUEUES,
  type JobName,
  type JobPayloads,
  type QueueName,
} from './queue-catalog';

/** Defaults for every job: retried with backoff, failures kept for the dashboard. */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: 1000,
  removeOnFail: false,
};

/** The one way to enqueue: typed payloads, and a job id derived from the cause so duplicates collapse. */
@Injectable()
export class JobProducer {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QUEUES.workflow) workflow: Queue,
    @InjectQueue(QUEUES.timers) timers: Queue,
    @InjectQueue(QUEUES.notifications) notifications: Queue,
    @InjectQueue(QUEUES.documents) documents: Queue,
  ) {
    this.queues = { workflow, timers, notifications, documents };
  }

  async enqueue<J extends JobName>(
    name: J,
    payload: JobPayloads[J],
    dedupeKey: string,
    options: JobOptions = {},
  ): Promise<void> {
    const queue = this.queues[JOB_QUEUES[name]];
    await queue.add(name, payload, {
      ...DEFAULT_JOB_OPTIONS,
      jobId: `${name}:${dedupeKey}`,
      ...options,
    });
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }
}
