import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { ApplicationDetail, AvailableAction } from '@portal/contracts';
import {
  type FormProblem,
  type FormSchema,
  type Labels,
  type MaterialDefinition,
  type MaterialPhase,
  validateForm,
} from '@portal/domain';
import { CompanyApi } from '@portal/web-data-access';
import { formatClockTime, LabelPipe } from '@portal/web-i18n';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { startWith } from 'rxjs';
import {
  type ApplicationFormGroup,
  formData,
  supplementTargets,
} from '../shared/form-model';
import { SchemaField } from '../shared/schema-field';
import { TargetLabelPipe } from '../shared/target-label.pipe';
import { ApplicationFormView } from './application-form-view';
import { MaterialsSection } from './materials-section';
import { SelfCheckPanel } from './self-check-panel';
import type { SaveState } from './save-state';

/** A step of the wizard: one per group of the programme's form, then the materials, then review. */
export interface WizardStep {
  readonly key: string;
  readonly kind: 'section' | 'materials' | 'review';
  /** The group's own name; the materials and review steps are named by the UI. */
  readonly label: Labels | null;
}

/** Something the submission still lacks, with the step where it is put right. */
interface MissingItem {
  readonly key: string;
  readonly label: Labels;
  readonly step: number;
  /** A field's problem code (`required`, `too_large`…), or null for a material without a file. */
  readonly code: FormProblem['code'] | null;
}

const MATERIALS_STEP = 'materials';
const REVIEW_STEP = 'review';

/** The wizard's steps, drawn from the schema: a step per group, then materials, then review. */
export function wizardSteps(schema: FormSchema): WizardStep[] {
  return [
    ...schema.sections.map((section) => ({
      key: section.key,
      kind: 'section' as const,
      label: section.label,
    })),
    { key: MATERIALS_STEP, kind: 'materials', label: null },
    { key: REVIEW_STEP, kind: 'review', label: null },
  ];
}

/**
 * The applicant's way through a draft or a return: the programme's form group by group, the
 * materials, and a review that names what is still missing before a confirmed submission. It
 * knows no programme: steps, fields, materials and the self-check all come from the definition.
 */
@Component({
  selector: 'app-application-wizard',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    NzButtonModule,
    NzFormModule,
    NzModalModule,
    NzStepsModule,
    NzTagModule,
    ApplicationFormView,
    FormKitStyles,
    LabelPipe,
    MaterialsSection,
    SchemaField,
    SelfCheckPanel,
    TargetLabelPipe,
  ],
  templateUrl: './application-wizard.html',
  styleUrl: './application-wizard.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationWizard {
  private readonly companies = inject(CompanyApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  readonly application = input.required<ApplicationDetail>();
  readonly schema = input.required<FormSchema>();
  readonly group = input.required<ApplicationFormGroup>();
  readonly saveState = input<SaveState>('idle');
  readonly savedAt = input<Date | null>(null);
  /** The material phases open in the case's state. */
  readonly materialPhases = input<readonly MaterialPhase[]>(['application']);
  /** Materials a refused submission named as missing. */
  readonly missingMaterials = input<readonly string[]>([]);
  /** The step that hands the form in (submit, resubmit) as the API offers it; null: none offered. */
  readonly submitAction = input<AvailableAction | null>(null);
  /** The submission is on its way. */
  readonly busy = input(false);

  /** The user confirmed the submission. */
  readonly submitted = output<void>();
  /** A file was uploaded, replaced or removed. */
  readonly materialsChanged = output<void>();
  /** Save the form again now (after a failed autosave). */
  readonly retrySave = output<void>();

  private readonly heading =
    viewChild<ElementRef<HTMLHeadingElement>>('stepHeading');

  protected readonly steps = computed(() => wizardSteps(this.schema()));
  protected readonly current = signal(0);
  protected readonly step = computed(
    () => this.steps()[this.current()] ?? this.steps()[0],
  );
  /** The steps the user has been on: only those show their problems in the bar. */
  private readonly visited = signal<ReadonlySet<number>>(new Set([0]));
  protected readonly confirming = signal(false);
  /** Where the submission goes: the company's county (its region), once read. */
  protected readonly regionName = signal<string | null>(null);

  /** The form's value as the user types, for the review and the self-check. */
  protected readonly value = signal<Readonly<Record<string, unknown>>>({});
  protected readonly data = computed(() => formData(this.value()));

  /** The sections as schemas of one group each, for the read-only summary. */
  protected readonly sectionSchemas = computed(() => {
    const schema = this.schema();
    return schema.sections.map((section) => ({
      ...schema,
      sections: [section],
    }));
  });

  /** The application materials open here (a return's, a draft's). */
  private readonly openMaterials = computed((): MaterialDefinition[] => {
    const phases = this.materialPhases();
    return this.schema().materials.filter((m) =>
      phases.includes(m.phase ?? 'application'),
    );
  });

  protected readonly materialSummary = computed(() => {
    const attachments = this.application().materials;
    return this.openMaterials().map((material) => ({
      material,
      files: attachments.filter((a) => a.materialKey === material.key),
    }));
  });

  protected readonly missing = computed((): MissingItem[] => {
    const schema = this.schema();
    const steps = this.steps();
    const stepOf = new Map<string, number>();
    schema.sections.forEach((section, index) => {
      for (const field of section.fields) stepOf.set(field.key, index);
    });
    const labelOf = new Map(
      schema.sections.flatMap((s) => s.fields.map((f) => [f.key, f.label])),
    );
    const fields = validateForm(schema, this.data(), 'submit')
      .filter((problem) => stepOf.has(problem.field))
      .map((problem) => ({
        key: problem.field,
        label: labelOf.get(problem.field) as Labels,
        step: stepOf.get(problem.field) as number,
        code: problem.code,
      }));
    const materialsStep = steps.findIndex((s) => s.kind === 'materials');
    const materials = this.materialSummary()
      .filter((row) => row.material.required && row.files.length === 0)
      .map((row) => ({
        key: row.material.key,
        label: row.material.label,
        step: materialsStep,
        code: null,
      }));
    return [...fields, ...materials];
  });

  /** What a return may name, for the names of its items. */
  protected readonly targets = computed(() => supplementTargets(this.schema()));

  /** The items an open return lists, each at the step where it is put right. */
  protected readonly returned = computed(() => {
    const schema = this.schema();
    const steps = this.steps();
    const stepOf = new Map<string, number>();
    schema.sections.forEach((section, index) => {
      for (const field of section.fields) stepOf.set(field.key, index);
    });
    const materialsStep = steps.findIndex((s) => s.kind === 'materials');
    for (const material of schema.materials)
      stepOf.set(material.key, materialsStep);
    return (this.application().supplementItems ?? []).map((item) => ({
      ...item,
      // Anything else the return names (`other`) is read on the review step.
      step: stepOf.get(item.target) ?? steps.length - 1,
    }));
  });

  protected returnedIn(index: number) {
    return this.returned().filter((item) => item.step === index);
  }

  /** Submittable: nothing missing, the input saved, and the API offers the step. */
  protected readonly ready = computed(
    () =>
      this.missing().length === 0 &&
      this.submitAction() !== null &&
      !['saving', 'failed', 'invalid', 'conflict'].includes(this.saveState()),
  );

  /** Per step: done, with problems (once visited), current or to come. */
  protected readonly statuses = computed(() => {
    const current = this.current();
    const visited = this.visited();
    const problemSteps = new Set(this.missing().map((m) => m.step));
    return this.steps().map((step, index) => {
      if (index === current) return 'process';
      if (step.kind === 'review') return 'wait';
      if (!visited.has(index)) return 'wait';
      return problemSteps.has(index) ? 'error' : 'finish';
    });
  });

  protected readonly savedTime = computed(() => {
    const at = this.savedAt();
    return at ? formatClockTime(at) : '';
  });

  constructor() {
    effect((onCleanup) => {
      const group = this.group();
      const subscription = group.valueChanges
        .pipe(startWith(null))
        .subscribe(() => this.value.set(group.getRawValue()));
      onCleanup(() => subscription.unsubscribe());
    });
    // A new schema (another case on the same page) starts at the first step.
    effect(() => {
      this.schema();
      untracked(() => {
        this.current.set(0);
        this.visited.set(new Set([0]));
      });
    });
  }

  protected goTo(index: number): void {
    const steps = this.steps();
    if (index < 0 || index >= steps.length || index === this.current()) return;
    // Leaving a group: its emptied required fields and bad values say so at once.
    this.touchStep(this.current());
    this.current.set(index);
    this.visited.update((v) => new Set([...v, index]));
    if (steps[index]?.kind === 'review') this.loadRegion();
    afterNextRender(() => this.heading()?.nativeElement.focus(), {
      injector: this.injector,
    });
  }

  protected next(): void {
    this.goTo(this.current() + 1);
  }

  protected previous(): void {
    this.goTo(this.current() - 1);
  }

  /** The steps bar's items answer Enter and Space as they answer a click. */
  protected stepKey(event: Event): void {
    const item = (event.target as HTMLElement).closest('nz-step');
    if (!item?.parentElement) return;
    event.preventDefault();
    this.goTo(Array.from(item.parentElement.children).indexOf(item));
  }

  protected fieldsOf(index: number) {
    return this.schema().sections[index]?.fields ?? [];
  }

  protected problemsIn(index: number): MissingItem[] {
    return this.missing().filter((m) => m.step === index);
  }

  protected askSubmit(): void {
    if (!this.ready()) return;
    this.loadRegion();
    this.confirming.set(true);
  }

  protected confirmSubmit(): void {
    this.confirming.set(false);
    this.submitted.emit();
  }

  private touchStep(index: number): void {
    const group = this.group();
    for (const field of this.fieldsOf(index)) {
      const control = group.controls[field.key];
      control?.markAsTouched();
      control?.markAsDirty();
      control?.updateValueAndValidity({ emitEvent: false });
    }
  }

  private loadRegion(): void {
    if (this.regionName() !== null) return;
    this.regionName.set('');
    this.companies
      .mine()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (company) => this.regionName.set(company.regionName),
        error: () => this.regionName.set(''),
      });
  }
}
