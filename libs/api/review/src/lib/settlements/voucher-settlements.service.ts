import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor } from '@portal/api-access';
import {
  AppError,
  chinaDate,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PortalClock,
  ValidationFailedError,
} from '@portal/api-core';
import {
  ApplicationsRepository,
  insertRows,
  isDuplicateKey,
  type OutboxEntity,
  VoucherSettlementEntity,
  VoucherSettlementItemEntity,
  VoucherSettlementsRepository,
  type AwaitingSettlementRow,
  type SettlementRow,
} from '@portal/api-db';
import { OutboxRelay, TransitionService } from '@portal/api-engine';
import type {
  AwaitingSettlementCase,
  AwaitingSettlementView,
  CreateSettlementRequest,
  FieldError,
  SettlementSummaryView,
  SettlementView,
} from '@portal/contracts';
import {
  APPLICATION_TYPES,
  DEFAULT_VOUCHER_PAYEE,
  hasPermission,
  regionContains,
  settlementMonthBounds,
  settlementMonthProblem,
  settlementPaidOnProblem,
  settlementStates,
  settlementTransition,
  stateOf,
  WORKFLOW_VERSIONS,
  workflowVersion,
  type MembershipGrant,
  type Party,
} from '@portal/domain';
import { DataSource, type EntityManager } from 'typeorm';

/** Where cases wait for a settlement, in every version of every programme that settles. */
const SETTLING = (() => {
  const definitions = APPLICATION_TYPES.flatMap((type) =>
    WORKFLOW_VERSIONS[type].filter((w) =>
      w.capabilities.includes('voucher_settlement'),
    ),
  );
  const states = new Set<string>();
  const holders = new Set<Party>();
  for (const definition of definitions)
    for (const state of settlementStates(definition)) {
      states.add(state);
      holders.add(stateOf(definition, state).holder);
    }
  return {
    types: [...new Set(definitions.map((w) => w.type))],
    states: [...states],
    holders: [...holders],
  };
})();

type Access = 'read' | 'record';

/** Who may do what with a city's settlements: the city's reviewers record; overseers read. */
const MAY: { readonly [A in Access]: (m: MembershipGrant) => boolean } = {
  record: (m) => hasPermission([m], 'vouchers.settlements.record'),
  read: (m) => hasPermission([m], 'vouchers.settlements.read'),
};

/**
 * The cities' monthly settlement of approved voucher redemptions (DOMAIN.md: the city audits,
 * settlement is monthly). A settlement pays the cases it names in one transaction: it records
 * the payment, moves each case to its paid state through the engine (which marks the ledger
 * booking paid) and is audited, or it writes nothing.
 */
@Injectable()
export class VoucherSettlementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: TransitionService,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditService,
    private readonly clock: PortalClock,
  ) {}

  /**
   * The cases a settlement of the month pays: approved by the month's end (China time) and not
   * yet paid; one approved after an earlier month's settlement waits here for the next.
   */
  async awaiting(
    actor: Actor,
    cityCode: string,
    month: string,
  ): Promise<AwaitingSettlementView> {
    this.requireCity(actor, cityCode, 'read');
    const until = monthBounds(month).until;
    const em = this.dataSource.manager;
    const [rows, settled] = await Promise.all([
      awaitingRows(em, cityCode, until),
      VoucherSettlementsRepository.ofMonth(em, cityCode, month),
    ]);
    const cases = rows.map(awaitingCase);
    return {
      cityCode,
      month,
      settlementId: settled?.id ?? null,
      cases,
      totalYuan: cases.reduce((sum, c) => sum + c.amountYuan, 0),
    };
  }

  /** The city's settlements, newest month first. */
  async list(actor: Actor, cityCode: string): Promise<SettlementSummaryView[]> {
    this.requireCity(actor, cityCode, 'read');
    const rows = await VoucherSettlementsRepository.ofCity(
      this.dataSource.manager,
      cityCode,
    );
    return rows.map(summaryView);
  }

  /** One settlement with the cases it paid; another city's is the same 404 as a missing one. */
  async get(actor: Actor, id: string): Promise<SettlementView> {
    this.requireRole(actor, 'read');
    const em = this.dataSource.manager;
    const settlement = await VoucherSettlementsRepository.byId(em, id);
    if (!settlement || !this.covers(actor, settlement.cityCode, 'read'))
      throw new NotFoundError('The settlement');
    return this.view(em, settlement);
  }

  /**
   * Records the city's settlement of a month and pays each named case through the engine, all
   * in one transaction: a case that is not the city's is a 404, one that does not wait for this
   * month's settlement or moved on since it was listed a 409 naming it, and nothing is written.
   */
  async create(
    actor: Actor,
    request: CreateSettlementRequest,
  ): Promise<SettlementView> {
    this.requireCity(actor, request.cityCode, 'record');
    // The portal's date (a development clock moves it), as the transitions read it.
    const now = this.clock.now();
    const today = chinaDate(now);
    checkRequest(request, today);
    const { cityCode, month } = request;
    const until = monthBounds(month).until;
    let result: { settlement: SettlementRow; outbox: OutboxEntity[] };
    try {
      result = await this.dataSource.transaction(async (em) => {
        const existing = await VoucherSettlementsRepository.ofMonth(
          em,
          cityCode,
          month,
        );
        if (existing) throw alreadySettled(existing);
        const due = new Map(
          (await awaitingRows(em, cityCode, until)).map((row) => [
            row.application.id,
            row,
          ]),
        );
        const id = randomUUID();
        const items: VoucherSettlementItemEntity[] = [];
        for (const [index, named] of request.cases.entries()) {
          const row = due.get(named.applicationId);
          if (!row)
            await this.notDue(em, actor, cityCode, month, named.applicationId);
          const { application } = row as AwaitingSettlementRow;
          if (application.version !== named.version)
            throw new ConflictError(
              'VERSION_CONFLICT',
              `${application.reference} has changed since the month was listed (now version ${application.version}): list the month again. Nothing was paid.`,
            );
          const approved = application.decision.redemption?.subsidyYuan ?? 0;
          if (named.amountYuan !== undefined && named.amountYuan !== approved)
            throw new ValidationFailedError(
              [
                {
                  field: `cases.${index}.amountYuan`,
                  code: 'settlement.amount_mismatch',
                  message: `${application.reference}: the approved redemption is ${approved} CNY, and a settlement pays exactly that`,
                },
              ],
              `${application.reference}: the approved redemption is ${approved} CNY; pay that amount (or leave the amount out). Nothing was paid.`,
            );
          const payeeKind = named.payeeKind ?? DEFAULT_VOUCHER_PAYEE;
          const payee = payeeOf(row as AwaitingSettlementRow, payeeKind);
          if (!payee)
            throw new ValidationFailedError(
              [
                {
                  field: `cases.${index}.payeeKind`,
                  code: 'settlement.no_provider',
                  message: `${application.reference} has no contracted service provider to pay`,
                },
              ],
              `${application.reference} has no contracted service provider to pay; pay the company. Nothing was paid.`,
            );
          items.push({
            applicationId: application.id,
            settlementId: id,
            payeeKind,
            payeeOrganisationId: payee.id,
            payeeName: payee.name,
            amountYuan: approved,
          });
        }
        const settlement: VoucherSettlementEntity = {
          id,
          cityCode,
          month,
          paidOn: request.paidOn,
          paymentReference: request.paymentReference,
          totalYuan: items.reduce((sum, item) => sum + item.amountYuan, 0),
          caseCount: items.length,
          createdBy: actor.userId,
          createdAt: now,
        };
        await insertRows(em, VoucherSettlementEntity, settlement);
        await insertRows(em, VoucherSettlementItemEntity, items);
        const outbox: OutboxEntity[] = [];
        for (const named of request.cases) {
          const { application } = due.get(
            named.applicationId,
          ) as AwaitingSettlementRow;
          const action = settlementTransition(
            workflowVersion(application.type, application.workflowVersion),
            application.state,
          )?.action as string;
          const fired = await this.transitions
            .fire(
              em,
              { kind: 'user', actor },
              application.id,
              { action, version: named.version },
              actor.ip,
            )
            .catch((error: unknown) => {
              throw naming(application.reference, error);
            });
          outbox.push(...fired.outbox);
        }
        await this.audit.record(
          {
            action: 'voucher_settlement.recorded',
            result: 'success',
            userId: actor.userId,
            userEmail: actor.email,
            ip: actor.ip,
            objectType: 'voucher_settlement',
            objectId: id,
            detail: {
              cityCode,
              month,
              paidOn: request.paidOn,
              paymentReference: request.paymentReference,
              caseCount: settlement.caseCount,
              totalYuan: settlement.totalYuan,
              references: request.cases.map(
                (c) => due.get(c.applicationId)?.application.reference,
              ),
            },
          },
          em,
        );
        return {
          settlement: { ...settlement, createdAt: now },
          outbox,
        };
      });
    } catch (error) {
      // Two settlements of one month at once (the unique month), or a case in two at once.
      if (isDuplicateKey(error)) {
        const existing = await VoucherSettlementsRepository.ofMonth(
          this.dataSource.manager,
          cityCode,
          month,
        );
        if (existing) throw alreadySettled(existing);
        throw new ConflictError(
          'VERSION_CONFLICT',
          'A case of this settlement was paid by another settlement a moment ago: list the month again. Nothing was paid.',
        );
      }
      throw error;
    }
    void this.relay.dispatch(result.outbox);
    return this.view(this.dataSource.manager, result.settlement);
  }

  private async view(
    em: EntityManager,
    settlement: SettlementRow,
  ): Promise<SettlementView> {
    const items = await VoucherSettlementsRepository.items(em, settlement.id);
    return {
      ...summaryView(settlement),
      items: items.map(({ settlementId: _settlementId, ...item }) => item),
    };
  }

  /**
   * Why a named case is not in the month's list: not the city's to see (the same 404 as a
   * missing case), or not waiting for this month's settlement (a 409 naming it).
   */
  private async notDue(
    em: EntityManager,
    actor: Actor,
    cityCode: string,
    month: string,
    applicationId: string,
  ): Promise<never> {
    const application = await ApplicationsRepository.byId(em, applicationId);
    if (!application || !regionContains(cityCode, application.countyCode))
      throw new NotFoundError(`The application ${applicationId}`);
    const waiting = settlementTransition(
      workflowVersion(application.type, application.workflowVersion),
      application.state,
    );
    throw new ConflictError(
      'TRANSITION_NOT_ALLOWED',
      waiting
        ? `${application.reference} was approved after ${month} ended: it is paid with the next month's settlement. Nothing was paid.`
        : `${application.reference} is not waiting for a settlement (it is at "${application.state}"). Nothing was paid.`,
    );
  }

  /** 403 without any role that works settlements; 404 when none of them covers the city. */
  private requireCity(actor: Actor, cityCode: string, access: Access): void {
    this.requireRole(actor, access);
    if (!this.covers(actor, cityCode, access))
      throw new NotFoundError(`The city ${cityCode}`);
  }

  private requireRole(actor: Actor, access: Access): void {
    if (!actor.memberships.some(MAY[access]))
      throw new ForbiddenError(
        access === 'record'
          ? "Voucher settlements are recorded by the city bureau's reviewers."
          : "Voucher settlements are read by the bureaus' reviewers, admins and auditors.",
      );
  }

  private covers(actor: Actor, cityCode: string, access: Access): boolean {
    return actor.memberships.some(
      (m) =>
        MAY[access](m) &&
        m.regionCode !== null &&
        regionContains(m.regionCode, cityCode),
    );
  }
}

function monthBounds(month: string): { from: Date; until: Date } {
  const bounds = settlementMonthBounds(month);
  if (!bounds)
    throw new ValidationFailedError([
      {
        field: 'month',
        code: 'month.format',
        message: 'Use the month as YYYY-MM (e.g. 2026-05)',
      },
    ]);
  return bounds;
}

/** The rules a DTO cannot check: a month that has begun, a payment date that fits it. */
function checkRequest(request: CreateSettlementRequest, today: string): void {
  const problems: FieldError[] = [];
  const month = settlementMonthProblem(request.month, today);
  if (month === 'future')
    problems.push({
      field: 'month',
      code: 'month.future',
      message: `${request.month} has not begun: settle a month up to the current one`,
    });
  else if (month === 'format') monthBounds(request.month);
  const paidOn = settlementPaidOnProblem(request.paidOn, request.month, today);
  if (paidOn)
    problems.push({
      field: 'paidOn',
      code: `paid_on.${paidOn}`,
      message: {
        format: 'Give a real date as YYYY-MM-DD',
        before_month: `The payment cannot be dated before ${request.month} began`,
        future: `Record a payment once it is made: ${request.paidOn} is after today (${today})`,
      }[paidOn],
    });
  const seen = new Set<string>();
  request.cases.forEach((c, index) => {
    if (seen.has(c.applicationId))
      problems.push({
        field: `cases.${index}.applicationId`,
        code: 'settlement.case_twice',
        message: 'This case is named twice; a case is paid once',
      });
    seen.add(c.applicationId);
  });
  if (problems.length) throw new ValidationFailedError(problems);
}

async function awaitingRows(
  em: EntityManager,
  cityCode: string,
  enteredBefore: Date,
): Promise<AwaitingSettlementRow[]> {
  const rows = await VoucherSettlementsRepository.awaiting(em, {
    cityCode,
    ...SETTLING,
    enteredBefore,
  });
  // A state name one version settles in may mean something else in another.
  return rows.filter(
    ({ application: a }) =>
      settlementTransition(
        workflowVersion(a.type, a.workflowVersion),
        a.state,
      ) !== null,
  );
}

function payeeOf(
  row: AwaitingSettlementRow,
  kind: 'company' | 'provider',
): { id: string; name: string } | null {
  const { application } = row;
  if (kind === 'company')
    return { id: application.organisationId, name: row.companyName };
  return application.providerId && row.providerName
    ? { id: application.providerId, name: row.providerName }
    : null;
}

function awaitingCase(row: AwaitingSettlementRow): AwaitingSettlementCase {
  const { application } = row;
  const payee = payeeOf(row, DEFAULT_VOUCHER_PAYEE);
  return {
    applicationId: application.id,
    reference: application.reference,
    version: application.version,
    companyId: application.organisationId,
    companyName: row.companyName,
    approvedAt: application.stateEnteredAt.toISOString(),
    amountYuan: application.decision.redemption?.subsidyYuan ?? 0,
    payeeKind: DEFAULT_VOUCHER_PAYEE,
    payeeName: payee?.name ?? '',
    providerName: row.providerName,
  };
}

function summaryView(s: SettlementRow): SettlementSummaryView {
  return {
    id: s.id,
    cityCode: s.cityCode,
    month: s.month,
    paidOn: s.paidOn,
    paymentReference: s.paymentReference,
    caseCount: s.caseCount,
    totalYuan: s.totalYuan,
    createdAt: s.createdAt.toISOString(),
  };
}

function alreadySettled(existing: SettlementRow): ConflictError {
  return new ConflictError(
    'SETTLEMENT_EXISTS',
    `${existing.month} is already settled for ${existing.cityCode} (paid on ${existing.paidOn}, reference ${existing.paymentReference}, settlement ${existing.id}); a month is paid once. Nothing was paid.`,
  );
}

/** The engine's refusal of one case, naming the case so the person knows which. */
function naming(reference: string, error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  return new AppError(
    error.status,
    error.code,
    `${reference}: ${error.message} Nothing was paid.`,
    error.fields,
  );
}
