import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt } from './columns';
import { JsonColumn } from './json-column';

/** The answer given to an `Idempotency-Key`, stored in the same transaction as its effect. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  key!: string;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  @JsonColumn()
  response!: unknown;

  @CreatedAt()
  createdAt!: Date;
}
