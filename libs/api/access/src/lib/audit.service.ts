import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditResult } from '@portal/contracts';
import { AuditLogEntity } from '@portal/api-db';
import type { EntityManager, Repository } from 'typeorm';

export interface AuditEntry {
  readonly action: string;
  readonly result: AuditResult;
  readonly userId?: string | null;
  readonly userEmail?: string | null;
  readonly ip?: string | null;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly detail?: Record<string, unknown>;
}

/** Appends to the audit log. Pass the transaction's manager when the change and its record must land together. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLogEntity)
    private readonly repo: Repository<AuditLogEntity>,
  ) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const row = {
      at: new Date(),
      action: entry.action,
      result: entry.result,
      userId: entry.userId ?? null,
      userEmail: entry.userEmail ?? null,
      ip: entry.ip ?? null,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    };
    if (manager) await manager.insert(AuditLogEntity, row);
    else await this.repo.insert(row);
  }
}
