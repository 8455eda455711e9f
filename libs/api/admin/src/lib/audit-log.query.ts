import type { AuditLogEntity } from '@portal/api-db';
import type { AuditEntryView, AuditResult } from '@portal/contracts';
import { auditActionLabel, auditActionsMatching } from '@portal/domain';
import { Brackets, type Repository, type SelectQueryBuilder } from 'typeorm';

/** What the auditor searches by; every field narrows, none widens. */
export interface AuditFilter {
  readonly q?: string;
  readonly actor?: string;
  readonly action?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly result?: AuditResult;
  /** ISO 8601 instants: from inclusive, to exclusive. */
  readonly from?: string;
  readonly to?: string;
}

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The filtered trail, newest first. Free text looks in the actor, object, IP, the detail and the
 * action's words in both languages (so 停用 finds staff.deactivated).
 */
export function filteredAuditLog(
  repo: Repository<AuditLogEntity>,
  filter: AuditFilter,
  before?: number,
): SelectQueryBuilder<AuditLogEntity> {
  const qb = repo.createQueryBuilder('a');
  if (filter.action)
    qb.andWhere('a.action = :action', { action: filter.action });
  if (filter.objectType)
    qb.andWhere('a.object_type = :objectType', {
      objectType: filter.objectType,
    });
  if (filter.objectId)
    qb.andWhere('a.object_id = :objectId', { objectId: filter.objectId });
  if (filter.result)
    qb.andWhere('a.result = :result', { result: filter.result });
  if (filter.from)
    qb.andWhere('a.at >= :from', { from: new Date(filter.from) });
  if (filter.to) qb.andWhere('a.at < :to', { to: new Date(filter.to) });
  if (filter.actor) {
    const actor = filter.actor;
    qb.andWhere(
      new Brackets((w) =>
        w
          .where('a.user_id = :actorId', { actorId: actor })
          .orWhere('a.user_email LIKE :actorLike', {
            actorLike: like(actor.toLowerCase()),
          }),
      ),
    );
  }
  if (filter.q) {
    const text = like(filter.q);
    const actions = auditActionsMatching(filter.q);
    qb.andWhere(
      new Brackets((w) => {
        w.where('a.user_email LIKE :text', { text })
          .orWhere('a.action LIKE :text')
          .orWhere('a.object_type LIKE :text')
          .orWhere('a.object_id LIKE :text')
          .orWhere('a.ip LIKE :text')
          .orWhere('a.detail LIKE :text');
        if (actions.length) w.orWhere('a.action IN (:...actions)', { actions });
      }),
    );
  }
  if (before !== undefined) qb.andWhere('a.id < :before', { before });
  return qb.orderBy('a.id', 'DESC');
}

export function auditEntryView(a: AuditLogEntity): AuditEntryView {
  return {
    id: String(a.id),
    at: a.at.toISOString(),
    userId: a.userId,
    userEmail: a.userEmail,
    ip: a.ip,
    action: a.action,
    objectType: a.objectType,
    objectId: a.objectId,
    result: a.result,
    detail: a.detail ? parseDetail(a.detail) : null,
  };
}

function parseDetail(detail: string): Record<string, unknown> {
  try {
    return JSON.parse(detail) as Record<string, unknown>;
  } catch {
    // An unreadable detail is shown as the text it is, never hidden.
    return { text: detail };
  }
}

const CSV_HEADERS = {
  'zh-CN': [
    '编号',
    '时间 (UTC)',
    '操作人',
    'IP',
    '操作',
    '操作代码',
    '对象类型',
    '对象',
    '结果',
    '详情',
  ],
  en: [
    'ID',
    'Time (UTC)',
    'Actor',
    'IP',
    'Action',
    'Action code',
    'Object type',
    'Object',
    'Result',
    'Detail',
  ],
} as const;

/**
 * One CSV field: quoted when it holds a comma, quote or line break (quotes doubled, RFC 4180),
 * and a leading = + - @ or tab made inert so that a spreadsheet never runs it as a formula.
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

export function csvHeader(language: 'zh-CN' | 'en'): string {
  return CSV_HEADERS[language].map(csvField).join(',') + '\r\n';
}

export function csvRow(a: AuditLogEntity, language: 'zh-CN' | 'en'): string {
  return (
    [
      String(a.id),
      a.at.toISOString(),
      a.userEmail,
      a.ip,
      auditActionLabel(a.action, language),
      a.action,
      a.objectType,
      a.objectId,
      a.result,
      a.detail,
    ]
      .map(csvField)
      .join(',') + '\r\n'
  );
}
