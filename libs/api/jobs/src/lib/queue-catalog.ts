/**
 * Every queue and job of the portal, with the payload each job carries. Payloads carry ids,
 * never objects: a handler reloads what it needs and skips when the row has moved on.
 */
export const QUEUES = {
  workflow: 'workflow',
  timers: 'timers',
  notifications: 'notifications',
  documents: 'documents',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const QUEUE_NAMES = Object.values(QUEUES);

export interface JobPayloads {
  /** E-mail an invitation to join a company. */
  'invitation-mail': { readonly invitationId: string };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUES: { readonly [J in JobName]: QueueName } = {
  'invitation-mail': QUEUES.notifications,
};
