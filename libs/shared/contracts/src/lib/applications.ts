import type {
  ApplicationDecision,
  ApplicationType,
  ExpertDiscipline,
  ExpertScore,
  FieldSchema,
  FileKind,
  FormProblem,
  EligibilityReport,
  Labels,
  Party,
  ScoreAggregate,
  VoucherPayeeKind,
} from '@portal/domain';

export type CallStatus = 'upcoming' | 'open' | 'closed';

/** How many applications a region inside the call's scope may send on (e.g. a county's recommendations). */
export interface CallQuota {
  readonly regionCode: string;
  readonly limit: number;
}

/** A call for applications (申报批次): one type, a window and a region scope. */
export interface CallView {
  readonly id: string;
  readonly type: ApplicationType;
  readonly title: string;
  /** Companies inside this region may apply. */
  readonly regionCode: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly status: CallStatus;
  readonly quotas: readonly CallQuota[];
  readonly createdAt: string;
  /**
   * While the call is open: working days left after today up to its closing day (Beijing
   * time, the portal's working calendar with its holiday overrides); null otherwise.
   */
  readonly workingDaysLeft?: number | null;
  /** An enterprise reader's own latest application in this call, if any. */
  readonly ownApplication?: CallOwnApplication | null;
}

/** The reader's company's application in a call; `draft`: still in its programme's first state. */
export interface CallOwnApplication {
  readonly id: string;
  readonly reference: string;
  readonly draft: boolean;
}

/** GET /api/calls: `type` one programme, `status` one window state. */
export interface CallListQuery {
  readonly type?: ApplicationType;
  readonly status?: CallStatus;
}

export interface CreateCallRequest {
  readonly type: ApplicationType;
  readonly title: string;
  /** Defaults to the admin's own region; must lie inside it. */
  readonly regionCode?: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly quotas?: readonly CallQuota[];
}

/**
 * PATCH /api/calls/:id. Before a call opens everything but its programme may change; once open,
 * only its title, its closing (not before now) and its quotas (not below what is used); a
 * closed call is final.
 */
export interface UpdateCallRequest {
  readonly title?: string;
  readonly regionCode?: string;
  readonly opensAt?: string;
  readonly closesAt?: string;
  readonly quotas?: readonly CallQuota[];
}

/** A call as its bureau manages it: the view, whether the reader may manage it, and its use. */
export interface ManagedCallView extends CallView {
  /** Whether the reader is a bureau admin of the call's region (or above). */
  readonly manageable: boolean;
  /** Applications filed in the call, drafts included. */
  readonly applications: number;
  /** Per quota region: the cases already sent on under the quota. */
  readonly quotaUse: readonly CallQuotaUse[];
}

export interface CallQuotaUse {
  readonly regionCode: string;
  readonly limit: number;
  readonly used: number;
}

export interface CreateApplicationRequest {
  readonly callId: string;
}

/** Autosave of a draft (or of a returned application): the version the client last saw. */
export interface SaveFormRequest {
  readonly version: number;
  readonly form: Readonly<Record<string, unknown>>;
}

/** One thing a return for supplement asks for: a form field, a material, or `other`. */
export interface SupplementItem {
  readonly target: string;
  readonly note: string;
}

/** Fires a transition. `version` is the application version the user saw; a stale one is 409. */
export interface ActionRequest {
  readonly action: string;
  readonly version: number;
  readonly comment?: string;
  /** For a return for supplement: every item the enterprise must fix. */
  readonly items?: readonly SupplementItem[];
  /** What some actions record: loan terms, disbursement, a service contract, a redemption. */
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** What the enterprise sees of where its case is; staff also get the internal stage. */
export interface ApplicationStatusView {
  readonly state: string;
  readonly label: Labels;
  /** The internal stage name; null for the applicant, who sees only `label`. */
  readonly stage: Labels | null;
  readonly terminal: boolean;
  readonly waitingForApplicant: boolean;
  readonly holder: Party | null;
}

export interface ApplicationSummary {
  readonly id: string;
  readonly reference: string;
  readonly type: ApplicationType;
  readonly title: Labels;
  readonly companyId: string;
  readonly companyName: string;
  readonly countyCode: string;
  readonly callId: string;
  readonly callTitle: string;
  readonly status: ApplicationStatusView;
  readonly version: number;
  readonly stateEnteredAt: string;
  /** When the holder's time limit ends (working days counted); null without a limit. */
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly submittedAt: string | null;
  readonly updatedAt: string;
}

export interface AvailableAction {
  readonly action: string;
  readonly label: Labels;
  readonly to: string;
  readonly commentRequired: boolean;
  /** A return for supplement must list items. */
  readonly itemsRequired: boolean;
  /** What the action records (loan terms, a contract...), rendered in its dialog. */
  readonly payloadFields: readonly FieldSchema[];
}

/** A cooperating bank or a voucher service provider, for an action's choice. */
export interface PartnerView {
  readonly id: string;
  readonly name: string;
  readonly regionCode: string;
}

export interface AttachmentView {
  readonly id: string;
  readonly materialKey: string;
  readonly fileName: string;
  readonly kind: FileKind;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedAt: string;
}

export interface ApplicationEventView {
  readonly seq: number;
  readonly action: string;
  readonly actionLabel: Labels;
  readonly from: string | null;
  readonly to: string;
  /** What the reader may see of the state: the applicant label for enterprises. */
  readonly toLabel: Labels;
  readonly party: Party;
  /** The person who acted; hidden (null) from enterprises for bureau staff. */
  readonly actorName: string | null;
  readonly comment: string | null;
  readonly items: readonly SupplementItem[] | null;
  readonly createdAt: string;
  /**
   * For staff: the step's comment and items stay within the bureau (the enterprise reads the
   * step without them). Never set for the enterprise.
   */
  readonly internal?: boolean;
}

/** The automated completeness and eligibility check after submission. */
export interface AutoCheckReport {
  readonly checkedAt: string;
  readonly passed: boolean;
  readonly formProblems: readonly FormProblem[];
  readonly missingMaterials: readonly string[];
  /** The programme's eligibility rules, rule by rule; null for a programme that has none. */
  readonly eligibility: EligibilityReport | null;
}

export interface ApplicationDetail extends ApplicationSummary {
  readonly workflowVersion: number;
  readonly form: Readonly<Record<string, unknown>>;
  readonly materials: readonly AttachmentView[];
  readonly events: readonly ApplicationEventView[];
  readonly availableActions: readonly AvailableAction[];
  readonly autoCheck: AutoCheckReport | null;
  /** The open return: what the enterprise has to fix before resubmitting. */
  readonly supplementItems: readonly SupplementItem[] | null;
  /** What decisions recorded: voucher amount and validity, loan terms, certificate. */
  readonly decision: ApplicationDecision;
  /**
   * While the enterprise owes a milestone (a state with `milestone`): working days from today
   * (Beijing time) to `dueAt` on the bureau's calendar, 0 on the day, negative once it has
   * passed. Null in every other state.
   */
  readonly dueInWorkingDays: number | null;
  /**
   * Staff only, for a case resubmitted after a return (the last one): what the enterprise
   * changed since, field by field (keys of the form) and file by file. Null for the enterprise,
   * for a case never returned, and while the return is still with the enterprise.
   */
  readonly changesSinceReturn: ChangesSinceReturnView | null;
}

export interface ChangesSinceReturnView {
  /** When the case was returned. */
  readonly returnedAt: string;
  readonly fields: readonly {
    readonly key: string;
    /** Null where the field was (or is now) empty. */
    readonly before: unknown;
    readonly after: unknown;
  }[];
  readonly materials: readonly {
    readonly materialKey: string;
    readonly fileName: string;
    readonly change: 'added' | 'removed';
  }[];
}

/** One booking on a company's yearly voucher ledger. */
export interface VoucherLedgerEntryView {
  readonly applicationId: string;
  /** The reference of the case that booked it. */
  readonly reference: string;
  /** `reserve` at issue, `release` on expiry, an ending or a redemption, `redeem` what was paid. */
  readonly kind: 'reserve' | 'release' | 'redeem';
  /** Signed: what the booking added to the committed total (a release is negative). */
  readonly amountYuan: number;
  readonly bookedAt: string;
  /** A redemption's booking once its city's settlement paid it: that settlement, the date (else null). */
  readonly settlementId?: string | null;
  readonly paidOn?: string | null;
}

/** A company's innovation-voucher ledger for the case's year (programmes with `voucher_ledger`). */
export interface VoucherLedgerView {
  readonly companyId: string;
  readonly year: number;
  readonly capYuan: number;
  readonly committedYuan: number;
  readonly remainingYuan: number;
  /** Oldest first. */
  readonly entries: readonly VoucherLedgerEntryView[];
}

export type InboxView = 'todo' | 'done';

export interface InboxQuery {
  readonly view?: InboxView;
  readonly type?: ApplicationType;
  readonly state?: string;
  readonly callId?: string;
  /** Narrows to companies inside this region (within the reader's own). */
  readonly regionCode?: string;
  readonly overdue?: boolean;
  /** Matches the company name or the reference number. */
  readonly q?: string;
  /** By time in the list (entered the stage, or acted on): newest first unless `oldest`. */
  readonly order?: 'newest' | 'oldest';
  readonly cursor?: string;
  readonly limit?: number;
}

export interface ChainBreak {
  readonly applicationId: string;
  readonly seq: number;
  readonly reason: 'hash_mismatch' | 'link_mismatch' | 'gap' | 'head_mismatch';
}

/** The auditor's check of the append-only event chains. */
export interface ChainVerification {
  readonly applications: number;
  readonly events: number;
  readonly intact: boolean;
  readonly firstBreak: ChainBreak | null;
}

/** The answer to an action (the same answer again for a repeated Idempotency-Key). */
export interface ActionResult {
  readonly applicationId: string;
  readonly action: string;
  readonly version: number;
  readonly status: ApplicationStatusView;
}

export interface PanelExpertView {
  readonly userId: string;
  readonly name: string;
  readonly discipline: ExpertDiscipline;
  readonly scoredAt: string | null;
  /** Shown to the province; an expert sees only their own. */
  readonly score: ExpertScore | null;
  readonly opinion: string | null;
  /**
   * The expert has since declared a conflict with the applicant (or works for it): they may no
   * longer score, and the province draws someone for their seat.
   */
  readonly recused: boolean;
}

/** An expert of the pool who may never be drawn for this applicant, and why. */
export interface RecusalView {
  readonly userId: string;
  readonly name: string;
  readonly discipline: ExpertDiscipline;
  /** Declared a conflict of interest with the company, or employed by it. */
  readonly reason: 'conflict' | 'employer';
}

/** The expert panel of a high-tech application and, for the province, the aggregate score. */
export interface ExpertPanelView {
  readonly experts: readonly PanelExpertView[];
  readonly aggregate: ScoreAggregate | null;
  /** For the province: the pool's experts excluded from this applicant (empty for an expert). */
  readonly recusals: readonly RecusalView[];
}

export interface ScoreRequest {
  readonly score: ExpertScore;
  readonly opinion: string;
}

/** Starts the public notice of each listed application (the version the province saw). */
export interface StartNoticeRequest {
  readonly applications: readonly {
    readonly id: string;
    readonly version: number;
  }[];
}

export interface StartNoticeResult {
  readonly results: readonly {
    readonly id: string;
    readonly started: boolean;
    readonly error: string | null;
  }[];
}

/** What anyone, signed in or not, sees of a case in public notice (公示): nothing else of the case. */
export interface PublicNoticeView {
  readonly applicationId: string;
  readonly reference: string;
  readonly type: ApplicationType;
  readonly companyName: string;
  /** When the notice began (the case entered its notice state). */
  readonly noticeStartsAt: string;
  readonly noticeEndsAt: string | null;
}

export interface ObjectionRequest {
  readonly realName: string;
  readonly reasons: string;
}

/** What became of an objection: under review, upheld (the case is refused) or dismissed. */
export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';

/** One of the signed-in user's own objections and its outcome, with the case as the notice showed it. */
export interface MyObjectionView {
  readonly id: string;
  readonly applicationId: string;
  readonly reference: string;
  readonly type: ApplicationType;
  readonly companyName: string;
  readonly lodgedAt: string;
  readonly status: ObjectionStatus;
}

/** An expert's own pool entry: what they are drawn as, and whom they declared conflicts with. */
export interface ExpertProfileView {
  readonly discipline: ExpertDiscipline;
  readonly conflictOrganisationIds: readonly string[];
}

/** The signed-in expert's declared conflicts, each with the organisation's name. */
export interface MyExpertConflictsView {
  readonly discipline: ExpertDiscipline;
  readonly conflicts: readonly {
    readonly organisationId: string;
    readonly name: string;
  }[];
}

export interface DeclareConflictsRequest {
  readonly organisationIds: readonly string[];
}

/** A case whose approved redemption waits for its city's monthly settlement. */
export interface AwaitingSettlementCase {
  readonly applicationId: string;
  readonly reference: string;
  /** The version to name in the batch: a case that moves on meanwhile fails the batch. */
  readonly version: number;
  readonly companyId: string;
  readonly companyName: string;
  /** When the city approved the redemption. */
  readonly approvedAt: string;
  /** What the approval granted: what the settlement pays. */
  readonly amountYuan: number;
  /** Who is paid unless the batch names the other party (the company, by the rules). */
  readonly payeeKind: VoucherPayeeKind;
  readonly payeeName: string;
  readonly providerName: string | null;
}

/**
 * The cases a city's settlement of a month pays: every redemption approved by the end of the
 * month (China time) and not yet settled, oldest approval first.
 */
export interface AwaitingSettlementView {
  readonly cityCode: string;
  readonly month: string;
  /** Whether a settlement of this month was recorded already (then none can be added). */
  readonly settlementId: string | null;
  readonly cases: readonly AwaitingSettlementCase[];
  readonly totalYuan: number;
}

export interface SettlementCaseRequest {
  readonly applicationId: string;
  /** The version listed: a case that moved on since fails the whole batch (409). */
  readonly version: number;
  /** Default: the rules' payee (the company). */
  readonly payeeKind?: VoucherPayeeKind;
  /** When given, it must equal the approved amount (a check against a typing error). */
  readonly amountYuan?: number;
}

/** A city's settlement of a month: paid on a date, with the bank's reference, case by case. */
export interface CreateSettlementRequest {
  readonly cityCode: string;
  /** YYYY-MM. */
  readonly month: string;
  /** ISO date the payment was made. */
  readonly paidOn: string;
  readonly paymentReference: string;
  readonly cases: readonly SettlementCaseRequest[];
}

export interface SettlementItemView {
  readonly applicationId: string;
  readonly reference: string;
  readonly companyName: string;
  readonly payeeKind: VoucherPayeeKind;
  readonly payeeName: string;
  readonly amountYuan: number;
}

export interface SettlementSummaryView {
  readonly id: string;
  readonly cityCode: string;
  readonly month: string;
  readonly paidOn: string;
  readonly paymentReference: string;
  readonly caseCount: number;
  readonly totalYuan: number;
  readonly createdAt: string;
}

export interface SettlementView extends SettlementSummaryView {
  readonly items: readonly SettlementItemView[];
}
