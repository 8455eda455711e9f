import type {
  DeliveryStatus,
  Language,
  NotificationCategory,
  NotificationChannel,
  NotificationKind,
} from '@portal/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, idColumn, TimestampColumn } from './columns';

/**
 * One message to one user on one channel: an e-mail (with its delivery state) or an in-portal
 * notice (with its read mark). The unique cause key makes a notify job that runs twice write
 * nothing the second time; the send job claims a row before sending, so it sends once.
 */
@Entity('notifications')
@Index('uq_notification_cause', ['causeKey', 'userId', 'channel'], {
  unique: true,
})
@Index('idx_notification_inbox', ['userId', 'channel', 'createdAt', 'id'])
@Index('idx_notification_unread', ['userId', 'channel', 'readAt'])
@Index('idx_notification_status', ['channel', 'status', 'createdAt', 'id'])
@Index('idx_notification_accepted', ['acceptedAt'])
export class NotificationEntity {
  @PrimaryColumn(idColumn)
  id!: string;

  /** What caused it: an event id, `stage_reminder:<event id>`, `digest:<date>`… */
  @Column({ name: 'cause_key', type: 'varchar', length: 100 })
  causeKey!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 16 })
  category!: NotificationCategory;

  @Column({ type: 'varchar', length: 8 })
  channel!: NotificationChannel;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  /** The e-mail address at the time it was written (e-mail only). */
  @Column({ type: 'varchar', length: 254, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 5 })
  language!: Language;

  @Column({
    name: 'application_id',
    type: 'varchar',
    length: 36,
    nullable: true,
  })
  applicationId!: string | null;

  @Column({ name: 'event_id', type: 'varchar', length: 36, nullable: true })
  eventId!: string | null;

  /** Sent whatever the user's preferences say (a return, a rejection, a decision). */
  @Column({ type: 'boolean' })
  mandatory!: boolean;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ name: 'body_text', type: 'text' })
  bodyText!: string;

  @Column({ name: 'body_html', type: 'text', nullable: true })
  bodyHtml!: string | null;

  /** The portal page it is about, as a path (/applications/{id}). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  /** A send in progress holds the row until then; a crashed sender's claim runs out. */
  @TimestampColumn({ name: 'claimed_until', nullable: true })
  claimedUntil!: Date | null;

  /** The digest mail that folded this one in. */
  @Column({ name: 'digest_id', type: 'varchar', length: 36, nullable: true })
  digestId!: string | null;

  /** When the cause was committed (the event's time): the start of commit→accept latency. */
  @TimestampColumn({ name: 'committed_at' })
  committedAt!: Date;

  @CreatedAt()
  createdAt!: Date;

  /** When the send job was handed to Bull. */
  @TimestampColumn({ name: 'queued_at', nullable: true })
  queuedAt!: Date | null;

  /** When the SMTP server accepted it (or the .eml file was written). */
  @TimestampColumn({ name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  /** In-portal notices: when the user marked it read. */
  @TimestampColumn({ name: 'read_at', nullable: true })
  readAt!: Date | null;
}

/** A user's e-mail choice for one category; no row means the category's default. */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  category!: NotificationCategory;

  @Column({ type: 'boolean' })
  email!: boolean;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
