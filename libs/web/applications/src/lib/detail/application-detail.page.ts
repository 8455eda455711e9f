import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { ApplicationDetail, AvailableAction } from '@portal/contracts';
import {
  APPLICATION_FORMS,
  applicantEditing,
  submittingTransition,
  workflowVersion,
} from '@portal/domain';
import { ApplicationsApi, SessionStore } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  LabelPipe,
  LanguageService,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert, applyServerErrors } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTagModule } from 'ng-zorro-antd/tag';
import {
  type Observable,
  type Subscription,
  catchError,
  concatMap,
  debounceTime,
  defer,
  finalize,
  map,
  of,
  switchMap,
  tap,
  throwError,
} from 'rxjs';
import { ApplicationsKitStyles } from '../shared/applications-kit-styles';
import {
  type ApplicationFormGroup,
  buildFormGroup,
  formData,
  localFieldError,
  supplementTargets,
} from '../shared/form-model';
import { newIdempotencyKey } from '../shared/idempotency-key';
import type { SaveState } from './save-state';
import { TargetLabelPipe } from '../shared/target-label.pipe';
import { type ActionInput, ActionDialog } from './action-dialog';
import { DecisionCard } from './decision-card';
import { EligibilityReportView } from './eligibility-report';
import { ExpertPanel } from './expert-panel';
import { ApplicationFormView } from './application-form-view';
import { ChangesSinceReturn } from './changes-since-return';
import { ApplicationWizard } from './application-wizard';
import { ConflictDialog, type ServerVersion } from './conflict-dialog';
import { CaseSteps } from './case-steps';
import { ApplicationTimeline } from './application-timeline';
import { MaterialsSection } from './materials-section';
import { MilestoneTimeline } from './milestone-timeline';
import { VoucherLedgerCard } from './voucher-ledger-card';

/** How long typing pauses before the form is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

export type { SaveState } from './save-state';

/** The form could not be saved before an action: the action is not sent. */
class SaveFailed extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message);
  }
}

const INVALID_FORM: ApiProblem = {
  status: 400,
  code: 'VALIDATION_FAILED',
  message: '',
  correlationId: null,
  fields: [],
};

/** The materials a refused step named as missing (`materials.<key>`). */
function missingMaterialKeys(problem: ApiProblem): string[] {
  return problem.fields
    .filter((f) => f.field.startsWith('materials.'))
    .map((f) => f.field.slice('materials.'.length));
}

/**
 * One application: where it stands, what must be supplemented, the form (autosaved while the
 * enterprise holds the case), materials, history, and the actions the API offers this user.
 */
@Component({
  selector: 'app-application-detail-page',
  imports: [
    RouterLink,
    TranslatePipe,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzTagModule,
    ActionDialog,
    ApplicationFormView,
    ChangesSinceReturn,
    ApplicationWizard,
    ConflictDialog,
    CaseSteps,
    ApplicationTimeline,
    ApplicationsKitStyles,
    DataKitStyles,
    DateTimePipe,
    DecisionCard,
    EligibilityReportView,
    ErrorAlert,
    ExpertPanel,
    LabelPipe,
    MaterialsSection,
    MilestoneTimeline,
    TargetLabelPipe,
    VoucherLedgerCard,
  ],
  templateUrl: './application-detail.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationDetailPage {
  private readonly api = inject(ApplicationsApi);
  private readonly session = inject(SessionStore);
  private readonly messages = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly languages = inject(LanguageService);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route (`/applications/:id`). */
  readonly id = input.required<string>();

  protected readonly detail = signal<ApplicationDetail | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly schema = computed(() => {
    const detail = this.detail();
    return detail ? APPLICATION_FORMS[detail.type] : null;
  });
  /** The case's workflow definition: what the page shows beyond the common parts follows from it. */
  private readonly definition = computed(() => {
    const detail = this.detail();
    return detail ? workflowVersion(detail.type, detail.workflowVersion) : null;
  });
  /** The expert panel shows where the programme's definition has experts score. */
  protected readonly expertReview = computed(
    () => this.definition()?.capabilities.includes('expert_review') ?? false,
  );
  /** The company's voucher ledger shows where the programme keeps one. */
  protected readonly voucherLedger = computed(
    () => this.definition()?.capabilities.includes('voucher_ledger') ?? false,
  );
  protected readonly targets = computed(() => {
    const schema = this.schema();
    return schema ? supplementTargets(schema) : [];
  });
  /**
   * What the enterprise edits in the case's state (the form in a draft or a return; a later
   * phase's materials where its step needs them); nothing for staff or once it is out of its hands.
   */
  private readonly editing = computed(() => {
    const detail = this.detail();
    const definition = this.definition();
    return detail && definition && this.session.can('applications.file')
      ? applicantEditing(definition, detail.status.state)
      : { form: false, materialPhases: [] };
  });
  protected readonly editable = computed(() => this.editing().form);
  /**
   * The step that hands the form in from here (a submission, a resubmission), as the API offers
   * it: the wizard's review fires it after a confirmation, so the actions panel leaves it out.
   */
  protected readonly submitAction = computed((): AvailableAction | null => {
    const detail = this.detail();
    const definition = this.definition();
    if (!detail || !definition || !this.editable()) return null;
    const step = submittingTransition(definition, detail.status.state);
    return (
      detail.availableActions.find((a) => a.action === step?.action) ?? null
    );
  });
  protected readonly otherActions = computed(() => {
    const submit = this.submitAction();
    return (this.detail()?.availableActions ?? []).filter(
      (a) => a.action !== submit?.action,
    );
  });
  protected readonly materialPhases = computed(
    () => this.editing().materialPhases,
  );
  /** Required materials a refused step named as missing. */
  protected readonly missingMaterials = signal<readonly string[]>([]);
  /** The application does not exist, or is not the reader's to see. */
  protected readonly notFound = signal(false);
  protected readonly backLink = computed(() => {
    if (this.session.can('applications.file')) return '/applications';
    return this.session.can('applications.inbox') ? '/inbox' : '/';
  });

  protected readonly formGroup = signal<ApplicationFormGroup | null>(null);
  protected readonly saveState = signal<SaveState>('idle');
  protected readonly savedAt = signal<Date | null>(null);
  private readonly saveProblem = signal<ApiProblem | null>(null);
  /** After a 409: the version someone else saved, beside the user's input, until they choose. */
  protected readonly serverVersion = signal<ServerVersion | null>(null);
  protected readonly conflictMine = signal<Readonly<Record<string, unknown>>>(
    {},
  );
  private serverDetail: ApplicationDetail | null = null;
  /** The version the user last saw; every save and action sends it. */
  private readonly version = signal(0);
  private dirty = false;
  private autosave: Subscription | null = null;

  protected readonly pendingAction = signal<AvailableAction | null>(null);
  protected readonly acting = signal(false);
  protected readonly actionProblem = signal<ApiProblem | null>(null);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id, true));
    });
    this.destroyRef.onDestroy(() => this.autosave?.unsubscribe());
  }

  /** Material keys of a check report, by their names in the UI language. */
  protected missingList(keys: readonly string[]): string {
    const language = this.languages.language();
    const materials = this.schema()?.materials ?? [];
    return keys
      .map(
        (key) => materials.find((m) => m.key === key)?.label[language] ?? key,
      )
      .join(', ');
  }

  protected reload(): void {
    this.load(this.id(), true);
  }

  /** After an upload or removal: new materials, history and version; the form keeps its input. */
  protected materialsChanged(): void {
    this.load(this.id(), false);
  }

  protected startAction(action: AvailableAction): void {
    this.actionProblem.set(null);
    this.pendingAction.set(action);
  }

  protected cancelAction(): void {
    if (!this.acting()) this.pendingAction.set(null);
  }

  /** The wizard's confirmed submission: the step that hands the form in, with nothing to enter. */
  protected submitFromWizard(): void {
    const action = this.submitAction();
    if (action) this.runAction({}, action);
  }

  /** Keep mine: the input saved over the newer version, with that version's number. */
  protected keepMine(): void {
    const server = this.serverVersion();
    const group = this.formGroup();
    if (!server || !group) return;
    this.serverVersion.set(null);
    this.version.set(server.version);
    this.saveState.set('idle');
    this.dirty = true;
    this.save(group)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((saved) => {
        if (saved) this.load(this.id(), false);
      });
  }

  /** Take theirs: the user's input dropped, the server's version loaded. */
  protected takeTheirs(): void {
    const detail = this.serverDetail;
    this.serverVersion.set(null);
    if (!detail) {
      this.load(this.id(), true);
      return;
    }
    this.detail.set(detail);
    this.version.set(detail.version);
    this.buildForm(detail);
  }

  /** After a failed autosave: the input saved again now. */
  protected retrySave(): void {
    const group = this.formGroup();
    if (!group) return;
    this.saveState.set('idle');
    this.save(group).pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  /** Saves pending form input first, then fires the action with a fresh Idempotency-Key. */
  protected runAction(
    entered: ActionInput,
    action: AvailableAction | null = this.pendingAction(),
  ): void {
    const detail = this.detail();
    if (!action || !detail) return;
    const key = newIdempotencyKey();
    this.acting.set(true);
    this.actionProblem.set(null);
    this.flushForm()
      .pipe(
        switchMap((saved) =>
          saved
            ? this.api.act(
                detail.id,
                {
                  action: action.action,
                  version: this.version(),
                  ...entered,
                },
                key,
              )
            : throwError(
                () => new SaveFailed(this.saveProblem() ?? INVALID_FORM),
              ),
        ),
        finalize(() => this.acting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.pendingAction.set(null);
          this.missingMaterials.set([]);
          this.messages.success(
            this.translate.instant('application.done', {
              action: action.label[this.languages.language()],
            }),
          );
          this.load(detail.id, true);
        },
        error: (error: unknown) => {
          const problem =
            error instanceof SaveFailed ? error.problem : toApiProblem(error);
          const missing = missingMaterialKeys(problem);
          this.missingMaterials.set(missing);
          if (missing.length && missing.length === problem.fields.length) {
            // Named at the checklist, where they are uploaded, not as red fields in the dialog.
            this.pendingAction.set(null);
            this.messages.error(
              this.translate.instant('application.missingBeforeSubmit', {
                list: this.missingList(missing),
              }),
            );
            return;
          }
          this.actionProblem.set(problem);
          this.showFieldProblems(problem);
        },
      });
  }

  private load(id: string, rebuildForm: boolean): void {
    this.loading.set(true);
    this.problem.set(null);
    this.notFound.set(false);
    this.api
      .get(id)
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (detail) => {
          const sameCase = this.detail()?.id === detail.id;
          this.detail.set(detail);
          // Versions only grow: a read sent before an autosave's answer (after an upload, say)
          // must not take the version back, or the next save or submit is a false 409.
          this.version.update((seen) =>
            sameCase ? Math.max(seen, detail.version) : detail.version,
          );
          if (rebuildForm || !this.formGroup()) this.buildForm(detail);
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          // A missing case, another company's, or an id that is none: one plain answer.
          if (
            !this.detail() &&
            (problem.status === 404 || problem.status === 400)
          )
            this.notFound.set(true);
          else this.problem.set(problem);
        },
      });
  }

  private buildForm(detail: ApplicationDetail): void {
    this.autosave?.unsubscribe();
    this.autosave = null;
    this.dirty = false;
    this.saveState.set('idle');
    this.saveProblem.set(null);
    const group = buildFormGroup(APPLICATION_FORMS[detail.type], detail.form);
    this.formGroup.set(group);
    if (!this.editable()) {
      group.disable({ emitEvent: false });
      return;
    }
    this.autosave = group.valueChanges
      .pipe(
        tap(() => (this.dirty = true)),
        debounceTime(AUTOSAVE_DELAY_MS),
        concatMap(() => this.save(group)),
      )
      .subscribe();
  }

  /** Saves now if there is unsaved input; answers whether the form is saved. */
  private flushForm(): Observable<boolean> {
    const group = this.formGroup();
    return group && this.editable() && this.dirty ? this.save(group) : of(true);
  }

  /** One PATCH with the version last seen; emits once: whether the input is saved. */
  private save(group: ApplicationFormGroup): Observable<boolean> {
    return defer(() => {
      if (!this.dirty) return of(true);
      if (this.saveState() === 'conflict') return of(false);
      if (group.invalid) {
        this.saveState.set('invalid');
        this.saveProblem.set(INVALID_FORM);
        return of(false);
      }
      this.dirty = false;
      this.saveState.set('saving');
      return this.api
        .saveForm(this.id(), {
          version: this.version(),
          form: formData(group.getRawValue()),
        })
        .pipe(
          map((result) => {
            this.version.set(result.version);
            this.saveState.set('saved');
            this.savedAt.set(new Date());
            this.saveProblem.set(null);
            return true;
          }),
          catchError((error: unknown) => {
            const problem = toApiProblem(error);
            this.dirty = true;
            this.saveProblem.set(problem);
            const conflict =
              problem.code === 'VERSION_CONFLICT' || problem.status === 409;
            this.saveState.set(conflict ? 'conflict' : 'failed');
            if (conflict) this.showConflict(group);
            this.showFieldProblems(problem);
            return of(false);
          }),
        );
    });
  }

  /**
   * The API's 409 names no version: the newer one is read, to show beside the user's input.
   * Autosave waits (a conflict saves nothing) until the user chooses.
   */
  private showConflict(group: ApplicationFormGroup): void {
    this.conflictMine.set(formData(group.getRawValue()));
    this.api
      .get(this.id())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (server) => {
          this.serverDetail = server;
          this.serverVersion.set({
            version: server.version,
            form: server.form,
            updatedAt: server.updatedAt,
          });
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  /** Puts the API's field problems on the form's controls. */
  private showFieldProblems(problem: ApiProblem): void {
    const group = this.formGroup();
    if (!group || !problem.fields.length) return;
    applyServerErrors(group, {
      ...problem,
      fields: problem.fields.map(localFieldError),
    });
  }
}
