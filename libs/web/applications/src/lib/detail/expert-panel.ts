import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type {
  ApplicationDetail,
  ExpertPanelView,
  PanelExpertView,
} from '@portal/contracts';
import {
  EXPERT_DRAW_RULES,
  minimumTechnical,
  programmeOf,
  type ExpertScore,
  type Rubric,
} from '@portal/domain';
import { ApplicationsApi, SessionStore } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  FieldErrorPipe,
  LabelPipe,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert, applyServerErrors, revealErrors } from '@portal/web-ui';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize, map, startWith, switchMap } from 'rxjs';

/** The action that sends a case to the drawn experts; drawing comes first. */
export const SEND_TO_EXPERTS = 'send_to_experts';

/** What the panel's confirmations are about: a draw, a seat drawn again, a score, a recusal. */
type Confirming =
  | { readonly kind: 'draw' }
  | { readonly kind: 'replace'; readonly expert: PanelExpertView }
  | { readonly kind: 'score'; readonly total: number }
  | { readonly kind: 'recuse' }
  | { readonly kind: 'withdraw' };

/** The draw's composition rules, in the words' parameters, read from the domain. */
export const DRAW_RULES = {
  minimum: EXPERT_DRAW_RULES.minimumPanel,
  technicalShare: Math.round(EXPERT_DRAW_RULES.minimumTechnicalShare * 100),
  technical: minimumTechnical(EXPERT_DRAW_RULES.minimumPanel),
  finance: EXPERT_DRAW_RULES.minimumFinance,
} as const;

type ScoreGroup = FormGroup<Record<string, FormControl<number | null>>>;

/** A part's points: a whole number from 0 to its maximum. */
function partValidator(max: number) {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (value === null || value === undefined || value === '') return null;
    if (typeof value !== 'number' || !Number.isInteger(value))
      return { not_integer: true };
    return value < 0 || value > max ? { 'score.out_of_range': true } : null;
  };
}

function isComplete(
  rubric: Rubric,
  score: Partial<Record<string, number | null>>,
): score is ExpertScore {
  return rubric.parts.every((p) => typeof score[p.key] === 'number');
}

/** One control per part of the rubric, each a whole number from 0 to its maximum. */
function scoreGroup(rubric: Rubric): ScoreGroup {
  return new FormGroup(
    Object.fromEntries(
      rubric.parts.map((part) => [
        part.key,
        new FormControl<number | null>(null, [
          Validators.required,
          partValidator(part.max),
        ]),
      ]),
    ),
  );
}

const NO_RUBRIC: Rubric = { parts: [], passAbove: 0, total: () => 0 };

/**
 * The expert panel of an application whose programme has experts score, on the programme's
 * rubric. The province sees every expert and the
 * aggregate, and draws the panel; a drawn expert sees and submits their own score. Who sees
 * what is the API's to say: the card stays hidden when the panel is refused.
 */
@Component({
  selector: 'app-expert-panel',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    NzButtonModule,
    NzDescriptionsModule,
    NzFormModule,
    NzInputModule,
    NzModalModule,
    NzTableModule,
    NzTagModule,
    DateTimePipe,
    ErrorAlert,
    FieldErrorPipe,
    FormKitStyles,
    LabelPipe,
  ],
  templateUrl: './expert-panel.html',
  styleUrl: './expert-panel.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExpertPanel {
  private readonly api = inject(ApplicationsApi);
  private readonly session = inject(SessionStore);
  private readonly messages = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  readonly application = input.required<ApplicationDetail>();
  /** The panel changed the case (drawn, or the last score moved it on): reload it. */
  readonly changed = output<void>();

  private readonly scoring = computed(
    () => programmeOf(this.application().type).rubric ?? NO_RUBRIC,
  );
  protected readonly rubric = computed(() =>
    this.scoring().parts.map((p) => ({ part: p.key, ...p })),
  );
  protected readonly threshold = computed(() => this.scoring().passAbove);

  /** Only provincial reviewers and experts may see a panel; nobody else asks. */
  private readonly mayAsk = computed(() =>
    (this.session.me()?.memberships ?? []).some(
      (m) =>
        m.role === 'expert' ||
        (m.role === 'reviewer' && m.level === 'province'),
    ),
  );
  protected readonly panel = signal<ExpertPanelView | null>(null);
  protected readonly refused = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly busy = signal(false);
  protected readonly rules = DRAW_RULES;
  /** The confirmation open, if any; the action runs only from its button. */
  protected readonly confirming = signal<Confirming | null>(null);
  /** The highest total the rubric gives (its parts at their maxima, a bonus capped as it counts). */
  protected readonly maxTotal = computed(() => {
    const rubric = this.scoring();
    return rubric.total(
      Object.fromEntries(rubric.parts.map((p) => [p.key, p.max])),
    );
  });
  /** Every drawn expert has scored: the aggregate is the panel's result. */
  protected readonly allScored = computed(() => {
    const experts = this.panel()?.experts ?? [];
    return experts.length > 0 && experts.every((e) => e.scoredAt !== null);
  });
  protected readonly scoredCount = computed(
    () => this.panel()?.experts.filter((e) => e.scoredAt !== null).length ?? 0,
  );
  /** Seats of recused experts the province still has to draw again. */
  protected readonly recusedCount = computed(
    () => this.panel()?.experts.filter((e) => e.recused).length ?? 0,
  );
  protected readonly visible = computed(
    () =>
      this.mayAsk() &&
      !this.refused() &&
      (this.panel() !== null || this.problem() !== null),
  );
  /** The province gets the aggregate; an expert only their own row. */
  protected readonly asProvince = computed(
    () => this.panel()?.aggregate !== null,
  );
  protected readonly canDraw = computed(
    () =>
      this.panel()?.experts.length === 0 &&
      this.application().availableActions.some(
        (a) => a.action === SEND_TO_EXPERTS,
      ),
  );
  protected readonly own = computed((): PanelExpertView | null => {
    const panel = this.panel();
    if (!panel || this.asProvince()) return null;
    const id = this.session.me()?.id;
    return panel.experts.find((e) => e.userId === id) ?? null;
  });
  /** An expert scores once, while the case is with the experts, unless they recused. */
  protected readonly canScore = computed(
    () =>
      this.own()?.scoredAt === null &&
      !this.own()?.recused &&
      this.application().status.holder === 'expert',
  );
  /** An expert may recuse until they have scored. */
  protected readonly canRecuse = computed(
    () => this.own()?.scoredAt === null && !this.own()?.recused,
  );
  /** The province draws again for a recused seat, at provincial review or with the experts. */
  protected readonly canReplace = computed(
    () =>
      this.asProvince() &&
      (this.application().status.holder === 'expert' ||
        this.application().availableActions.some(
          (a) => a.action === SEND_TO_EXPERTS,
        )),
  );

  protected readonly form = new FormGroup({
    score: scoreGroup(NO_RUBRIC),
    opinion: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.minLength(10),
        Validators.maxLength(4000),
      ],
    }),
  });
  private readonly scoreValue = toSignal(
    this.form.valueChanges.pipe(
      startWith(this.form.value),
      map(() => this.form.controls.score.getRawValue()),
    ),
    { initialValue: this.form.controls.score.getRawValue() },
  );
  /** The total as the rubric counts it (high-tech: bonus capped inside IP), once every part is in. */
  protected readonly total = computed(() => {
    const rubric = this.scoring();
    const score = this.scoreValue();
    return isComplete(rubric, score) ? rubric.total(score) : null;
  });

  constructor() {
    effect(() => {
      const rubric = this.scoring();
      untracked(() => this.form.setControl('score', scoreGroup(rubric)));
    });
    effect(() => {
      const application = this.application();
      const mayAsk = this.mayAsk();
      untracked(() => {
        if (mayAsk) this.load(application.id);
      });
    });
  }

  protected totalOf(score: ExpertScore | null): number | null {
    return score ? this.scoring().total(score) : null;
  }

  protected ask(confirming: Confirming): void {
    this.problem.set(null);
    this.confirming.set(confirming);
  }

  protected cancel(): void {
    if (!this.busy()) this.confirming.set(null);
  }

  /** Runs what the open confirmation is about. */
  protected confirm(): void {
    const confirming = this.confirming();
    if (!confirming) return;
    switch (confirming.kind) {
      case 'draw':
        return this.draw();
      case 'replace':
        return this.run(
          this.api.replaceExpert(
            this.application().id,
            confirming.expert.userId,
          ),
          'experts.replaced',
        );
      case 'recuse':
        return this.run(
          this.api.recuse(this.application().id),
          'experts.recused',
        );
      case 'score':
        return this.sendScore();
      case 'withdraw':
        return this.run(this.withdrawConflict(), 'experts.withdrawn');
    }
  }

  /** Asks to confirm the score once the form is valid. */
  protected submitScore(): void {
    const form = this.form;
    if (form.invalid) {
      revealErrors(form.controls.score);
      revealErrors(form);
      return;
    }
    const total = this.total();
    if (total === null) return;
    this.ask({ kind: 'score', total });
  }

  /** Takes this case's company off the expert's declared conflicts, then reads the panel again. */
  private withdrawConflict() {
    const { id, companyId } = this.application();
    return this.api.myExpertConflicts().pipe(
      switchMap((mine) =>
        this.api.declareConflicts(
          mine.conflicts
            .map((c) => c.organisationId)
            .filter((organisationId) => organisationId !== companyId),
        ),
      ),
      switchMap(() => this.api.experts(id)),
    );
  }

  private run(
    request: ReturnType<ApplicationsApi['recuse']>,
    done: string,
  ): void {
    this.busy.set(true);
    this.problem.set(null);
    request
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (panel) => {
          this.confirming.set(null);
          this.panel.set(panel);
          this.messages.success(this.translate.instant(done));
          this.changed.emit();
        },
        error: (error: unknown) => {
          this.confirming.set(null);
          this.problem.set(toApiProblem(error));
        },
      });
  }

  private draw(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .drawExperts(this.application().id)
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (panel) => {
          this.confirming.set(null);
          this.panel.set(panel);
          this.messages.success(this.translate.instant('experts.drawn'));
          this.changed.emit();
        },
        error: (error: unknown) => {
          this.confirming.set(null);
          this.problem.set(toApiProblem(error));
        },
      });
  }

  private sendScore(): void {
    const form = this.form;
    const { score, opinion } = form.getRawValue();
    if (!isComplete(this.scoring(), score)) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .score(this.application().id, { score, opinion: opinion.trim() })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (panel) => {
          this.confirming.set(null);
          this.panel.set(panel);
          this.messages.success(this.translate.instant('experts.scored'));
          this.changed.emit();
        },
        error: (error: unknown) => {
          this.confirming.set(null);
          const problem = toApiProblem(error);
          this.problem.set(problem);
          applyServerErrors(form, problem);
        },
      });
  }

  private load(id: string): void {
    this.api
      .experts(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (panel) => {
          this.refused.set(false);
          this.panel.set(panel);
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          if (problem.status === 403 || problem.status === 404) {
            this.refused.set(true);
          } else {
            this.problem.set(problem);
          }
        },
      });
  }
}
