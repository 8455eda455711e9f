import { Injectable } from '@nestjs/common';
import {
  AppError,
  chinaDate,
  ConflictError,
  ValidationFailedError,
} from '@portal/api-core';
import {
  ApplicationEventsRepository,
  AttachmentEntity,
  ExpertAssignmentEntity,
  ExpertEntity,
  GrantsRepository,
  ObjectionEntity,
  OrganisationEntity,
  VoucherSettlementsRepository,
} from '@portal/api-db';
import type { FieldError } from '@portal/contracts';
import {
  APPLICATION_FORMS,
  formFields,
  loanPrecondition,
  missingMaterials,
  panelProblems,
  regionContains,
  regionLevel,
  validateForm,
  voucherRate,
  voucherSubsidy,
  validateActionPayload,
  WORKFLOW_VERSIONS,
  type BankChoice,
  type BudgetApproval,
  type MaterialPhase,
  type Commitment,
  type Disbursement,
  type GuardKey,
  type LoanTerms,
  type RedemptionRequest,
  type ServiceContract,
  type VoucherGrant,
  type TransitionDefinition,
} from '@portal/domain';
import { In } from 'typeorm';
import { VoucherLedgerService } from '../vouchers/voucher-ledger.service';
import type { ApplicationChanges, GuardContext } from './transition.types';

type Guard = (
  ctx: GuardContext,
  payload: Record<string, unknown>,
) => Promise<ApplicationChanges | void>;

const guardFailed = (message: string) =>
  new AppError(409, 'GUARD_FAILED', message);

/** Actions of any workflow version whose guards count a call's quota. */
const CALL_LOCKING_ACTIONS: ReadonlySet<string> = new Set(
  Object.values(WORKFLOW_VERSIONS)
    .flat()
    .flatMap((definition) => definition.transitions)
    .filter((transition) => transition.guards.includes('call_quota'))
    .map((transition) => transition.action),
);

/**
 * Guards that lock and write nothing but read rows as they are: a transition whose guards are
 * all of these need not lock its case before them (see TransitionService.fire). A guard not
 * listed is taken to lock (call_quota locks the call, voucher_cap_available the ledger).
 */
const LOCK_FREE_GUARDS: ReadonlySet<GuardKey> = new Set<GuardKey>([
  'call_open',
  'materials_complete',
  'form_valid',
  'eligibility_passed',
  'supplement_items_listed',
  'commitment_recorded',
  'experts_drawn',
  'all_experts_scored',
  'no_open_objection',
  'tech_sme_registered',
  'not_registered_this_year',
  'contract_recorded',
  'bank_chosen',
  'loan_terms_recorded',
  'disbursement_recorded',
  'budget_approved',
  'midterm_report_uploaded',
  'final_report_uploaded',
  'settlement_recorded',
]);

/** The data checks a transition's definition names, each implemented once. */
@Injectable()
export class GuardsService {
  constructor(private readonly ledger: VoucherLedgerService) {}

  private readonly checks: { readonly [K in GuardKey]: Guard } = {
    call_open: async ({ call, now }) => {
      if (now >= call.opensAt && now < call.closesAt) return;
      throw new ConflictError(
        'CALL_CLOSED',
        `"${call.title}" takes applications from ${beijing(call.opensAt)} to ${beijing(call.closesAt)} (Beijing time).`,
      );
    },
    call_quota: async ({ em, application, call, transition, party }) => {
      const quota = call.quotas.find((q) =>
        regionContains(q.regionCode, application.countyCode),
      );
      if (!quota) return;
      // The call was locked with the case, before the transaction's first plain read (see
      // locksCall): recommendations within one call are counted one at a time, and this count
      // sees every one committed before.
      const used = await ApplicationEventsRepository.casesActedOnInCall(em, {
        callId: call.id,
        regionLevel: regionLevel(quota.regionCode),
        regionCode: quota.regionCode,
        action: transition.action,
        party,
        exceptId: application.id,
      });
      if (used >= quota.limit)
        throw new ConflictError(
          'QUOTA_EXHAUSTED',
          `The call "${call.title}" allows ${quota.limit} for region ${quota.regionCode}, and all are used.`,
        );
    },
    form_valid: async ({ application, now }) => {
      const problems = validateForm(
        APPLICATION_FORMS[application.type],
        application.form,
        'submit',
        chinaDate(now),
      );
      if (problems.length)
        throw new ValidationFailedError(
          problems.map((p) => ({
            field: `form.${p.field}`,
            code: `form.${p.code}`,
            message: `${p.field}: ${p.code.replace(/_/g, ' ')}`,
          })),
          'The form is not complete: fix the fields listed.',
        );
    },
    materials_complete: async (ctx) =>
      this.requireMaterials(ctx, 'application'),
    redemption_documents: async (ctx, payload) => {
      await this.requireMaterials(ctx, 'redemption');
      const { invoiceAmountYuan } = payload as unknown as RedemptionRequest;
      return {
        decision: {
          redemption: { invoiceAmountYuan, requestedAt: ctx.now.toISOString() },
        },
      };
    },
    commitment_recorded: async ({ request, now }, payload) => {
      const { commitmentDue } = payload as unknown as Commitment;
      const today = chinaDate(now);
      if (commitmentDue <= today)
        throw payloadError(
          'commitmentDue',
          'date.not_future',
          'The promised date must be after today',
        );
      return {
        decision: {
          commitment: {
            items: request.items ?? [],
            dueOn: commitmentDue,
            acceptedAt: now.toISOString(),
            fulfilledAt: null,
          },
        },
      };
    },
    eligibility_passed: async ({ application }) => {
      if (!application.autoCheck?.passed)
        throw guardFailed('The automated check has not passed.');
    },
    supplement_items_listed: async ({ application, request }) => {
      const items = request.items ?? [];
      if (items.length === 0)
        throw new ValidationFailedError(
          [
            {
              field: 'items',
              code: 'items.required',
              message: 'List every item the enterprise must supplement',
            },
          ],
          'A return for supplement lists every item the enterprise must fix.',
        );
      const schema = APPLICATION_FORMS[application.type];
      const targets = new Set([
        'other',
        ...formFields(schema).map((f) => f.key),
        ...schema.materials.map((m) => m.key),
      ]);
      const unknown: FieldError[] = items
        .map((item, i) => ({ item, i }))
        .filter(({ item }) => !targets.has(item.target))
        .map(({ item, i }) => ({
          field: `items.${i}.target`,
          code: 'items.unknown_target',
          message: `"${item.target}" is not a field or material of this form`,
        }));
      if (unknown.length) throw new ValidationFailedError(unknown);
    },
    experts_drawn: async ({ em, application }) => {
      const assignments = await em.find(ExpertAssignmentEntity, {
        where: { applicationId: application.id },
      });
      const experts = await em.find(ExpertEntity, {
        where: { userId: In(assignments.map((a) => a.expertUserId)) },
      });
      const problems = panelProblems(
        experts.map((e) => ({
          id: e.userId,
          organisationId: e.employerId,
          discipline: e.discipline,
          conflictOrganisationIds: e.conflictIds,
        })),
        application.organisationId,
      );
      if (problems.length)
        throw guardFailed(
          `Draw the expert panel first: at least 5 experts, at least 60% technical, at least one finance expert, none with a conflict (${problems.join(', ')}).`,
        );
    },
    all_experts_scored: async ({ em, application }) => {
      const assignments = await em.find(ExpertAssignmentEntity, {
        where: { applicationId: application.id },
      });
      const waiting = assignments.filter((a) => a.scoredAt === null).length;
      if (assignments.length === 0 || waiting > 0)
        throw guardFailed(`${waiting} drawn experts have not scored yet.`);
    },
    no_open_objection: async ({ em, application }) => {
      const open = await em.count(ObjectionEntity, {
        where: { applicationId: application.id, status: 'open' },
      });
      if (open > 0) throw guardFailed('An objection is still open.');
    },
    tech_sme_registered: async ({ em, application, now }) => {
      const today = chinaDate(now);
      const [held] = await GrantsRepository.validOf(
        em,
        application.organisationId,
        today,
        'tech_sme_registration',
      );
      const check = loanPrecondition(
        held ? { number: held.number, validUntil: held.validUntil } : null,
        false,
        today,
      );
      if (!check.passed) throw guardFailed(check.explanation.en);
    },
    not_registered_this_year: async ({ em, application, now }) => {
      const today = chinaDate(now);
      const year = today.slice(0, 4);
      const registrations = await GrantsRepository.validOf(
        em,
        application.organisationId,
        today,
        'tech_sme_registration',
      );
      const current = registrations.find((g) => g.number.startsWith(year));
      if (current)
        throw new ConflictError(
          'ALREADY_REGISTERED',
          `The company is already registered for ${year} (number ${current.number}, valid until ${current.validUntil}); file again from 1 January.`,
        );
    },
    settlement_recorded: async ({ em, application }) => {
      // The batch writes its item in this transaction before firing: a case is paid only
      // through its city's settlement, never by the action alone.
      const item = await VoucherSettlementsRepository.itemOf(
        em,
        application.id,
      );
      if (!item || item.cityCode !== application.cityCode)
        throw new ConflictError(
          'GUARD_FAILED',
          `${application.reference} is paid through its city's monthly voucher settlement: record the month's settlement with it.`,
        );
      const settlement = {
        settlementId: item.settlementId,
        month: item.month,
        paidOn: item.paidOn,
        paymentReference: item.paymentReference,
        payeeKind: item.payeeKind,
        payeeName: item.payeeName,
        amountYuan: item.amountYuan,
      };
      return { decision: { settlement }, recorded: settlement };
    },
    voucher_cap_available: async ({ em, application, now }) => {
      const year = Number(chinaDate(now).slice(0, 4));
      const { voucher } = application.decision;
      if (voucher) return this.bookRedemption(em, application, voucher);
      const rate = voucherRate(application.countyCode, chinaDate(now));
      const used = await this.ledger.committed(
        em,
        application.organisationId,
        year,
      );
      const subsidy = voucherSubsidy(
        Number(application.form['plannedCostYuan']),
        rate.ratePercent,
        used,
      );
      if (subsidy.amount <= 0)
        throw new ConflictError(
          'VOUCHER_CAP_EXCEEDED',
          `The company has used its innovation-voucher cap for ${year}.`,
        );
      await this.ledger.book(em, {
        organisationId: application.organisationId,
        year,
        applicationId: application.id,
        kind: 'reserve',
        amountYuan: subsidy.amount,
      });
      return {
        decision: {
          voucher: {
            amountYuan: subsidy.amount,
            ratePercent: rate.ratePercent,
            capped: subsidy.capped,
            policy: rate.policy,
            year,
          },
        },
        recorded: { voucherAmountYuan: subsidy.amount },
      };
    },
    contract_recorded: async ({ em }, payload) => {
      const contract = payload as unknown as ServiceContract;
      await this.requireOrganisation(
        em,
        contract.providerId,
        'provider',
        'providerId',
      );
      return {
        providerId: contract.providerId,
        decision: { contract },
      };
    },
    bank_chosen: async ({ em, application }, payload) => {
      const { bankId } = payload as unknown as BankChoice;
      const bank = await this.requireOrganisation(em, bankId, 'bank', 'bankId');
      if (bank.provinceCode !== application.provinceCode)
        throw payloadError(
          'bankId',
          'bank.out_of_region',
          'Choose a cooperating bank in the province',
        );
      return { bankId, decision: { bank: { id: bankId, name: bank.name } } };
    },
    loan_terms_recorded: async (_ctx, payload) => ({
      decision: { loanTerms: payload as unknown as LoanTerms },
    }),
    budget_approved: async ({ application, now }, payload) => {
      const { approvedBudgetYuan } = payload as unknown as BudgetApproval;
      const requested = Number(application.form['budgetRequestedYuan']);
      if (approvedBudgetYuan > requested)
        throw payloadError(
          'approvedBudgetYuan',
          'budget.over_requested',
          `At most the ${requested} CNY requested`,
        );
      return {
        decision: {
          project: { approvedBudgetYuan, approvedOn: chinaDate(now) },
        },
        recorded: { approvedBudgetYuan },
      };
    },
    midterm_report_uploaded: async (ctx) =>
      this.requireMaterials(ctx, 'midterm'),
    final_report_uploaded: async (ctx) => this.requireMaterials(ctx, 'final'),
    disbursement_recorded: async ({ application, now }, payload) => {
      const disbursement = payload as unknown as Disbursement;
      const terms = application.decision.loanTerms;
      if (terms && disbursement.amountYuan > terms.amountYuan)
        throw payloadError(
          'amountYuan',
          'disbursement.over_approved',
          `At most the approved ${terms.amountYuan} CNY`,
        );
      if (disbursement.disbursedOn > chinaDate(now))
        throw payloadError(
          'disbursedOn',
          'date.future',
          'Cannot be in the future',
        );
      return { decision: { disbursement } };
    },
  };

  /**
   * Whether an action needs its case's call locked as the case is read: a quota is counted by a
   * plain read, which sees the transaction's snapshot, so the lock that queues the counts must
   * come before the snapshot is taken (at the transaction's first plain read).
   */
  locksCall(action: string): boolean {
    return CALL_LOCKING_ACTIONS.has(action);
  }

  /** Whether the transition's guards lock or write no row. */
  lockFree(transition: TransitionDefinition): boolean {
    return transition.guards.every((key) => LOCK_FREE_GUARDS.has(key));
  }

  /** Runs the transition's guards in definition order; the first that fails stops it. */
  async check(ctx: GuardContext): Promise<ApplicationChanges> {
    const payload = this.parsePayload(ctx);
    const changes: ApplicationChanges = {};
    for (const key of ctx.transition.guards) {
      const result = await this.checks[key](ctx, payload);
      if (!result) continue;
      if (result.decision)
        changes.decision = { ...changes.decision, ...result.decision };
      if (result.recorded)
        changes.recorded = { ...changes.recorded, ...result.recorded };
      if (result.bankId) changes.bankId = result.bankId;
      if (result.providerId) changes.providerId = result.providerId;
    }
    return changes;
  }

  private parsePayload(ctx: GuardContext): Record<string, unknown> {
    const payload = ctx.request.payload ?? {};
    const problems = validateActionPayload(ctx.transition, payload);
    if (problems.length)
      throw new ValidationFailedError(
        problems.map((p) => ({
          field: `payload.${p.field}`,
          code:
            p.code === 'unknown_field'
              ? 'payload.unknown'
              : `payload.${p.code}`,
          message:
            p.code === 'unknown_field'
              ? `Not expected for "${ctx.transition.action}"`
              : `${p.field}: ${p.code.replace(/_/g, ' ')}`,
        })),
      );
    return { ...payload };
  }

  private async requireMaterials(
    { em, application }: GuardContext,
    phase: MaterialPhase,
  ): Promise<void> {
    const uploaded = await em.find(AttachmentEntity, {
      where: { applicationId: application.id },
      select: { materialKey: true },
    });
    const missing = missingMaterials(
      APPLICATION_FORMS[application.type],
      uploaded.map((a) => a.materialKey),
      phase,
    );
    if (missing.length)
      throw new ValidationFailedError(
        missing.map((m) => ({
          field: `materials.${m.key}`,
          code: 'material.missing',
          message: `Upload "${m.label.en}"`,
        })),
        `Upload the missing materials: ${missing.map((m) => m.label.en).join(', ')}.`,
      );
  }

  private async requireOrganisation(
    em: GuardContext['em'],
    id: string,
    kind: 'bank' | 'provider',
    field: string,
  ): Promise<OrganisationEntity> {
    const organisation = await em.findOne(OrganisationEntity, {
      where: { id, kind, verificationStatus: 'verified' },
    });
    if (!organisation)
      throw payloadError(
        field,
        `${kind}.unknown`,
        `No registered ${kind} has this id`,
      );
    return organisation;
  }

  private async bookRedemption(
    em: GuardContext['em'],
    application: GuardContext['application'],
    voucher: VoucherGrant,
  ): Promise<ApplicationChanges> {
    const { redemption } = application.decision;
    if (!redemption) throw guardFailed('No redemption has been requested.');
    const subsidy = Math.min(
      Math.floor((redemption.invoiceAmountYuan * voucher.ratePercent) / 100),
      voucher.amountYuan,
    );
    const booking = {
      organisationId: application.organisationId,
      year: voucher.year,
      applicationId: application.id,
    };
    // Give back the reservation, then spend what is paid: never above what was reserved.
    await this.ledger.book(em, {
      ...booking,
      kind: 'release',
      amountYuan: -voucher.amountYuan,
    });
    await this.ledger.book(em, {
      ...booking,
      kind: 'redeem',
      amountYuan: subsidy,
    });
    return {
      decision: { redemption: { ...redemption, subsidyYuan: subsidy } },
      recorded: { subsidyYuan: subsidy },
    };
  }
}

function payloadError(
  field: string,
  code: string,
  message: string,
): ValidationFailedError {
  return new ValidationFailedError([
    { field: `payload.${field}`, code, message },
  ]);
}

function beijing(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}
