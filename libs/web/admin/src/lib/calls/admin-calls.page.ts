import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type {
  CallQuota,
  FieldError,
  ManagedCallView,
  RegionView,
} from '@portal/contracts';
import {
  APPLICATION_FORMS,
  APPLICATION_TYPES,
  type ApplicationType,
  currentWorkflow,
  grantsFor,
  regionContains,
} from '@portal/domain';
import { AuthApi, BureauAdminApi, SessionStore } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  fieldProblemText,
  LabelPipe,
  toApiProblem,
  useFeatureTranslations,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { BUREAU_ADMIN_TRANSLATIONS } from '../bureau-admin.translations';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize, type Observable } from 'rxjs';

/** `2026-03-01T00:00` in Beijing time, as a datetime-local input holds it, from an ISO instant. */
export function toBeijingInput(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000)
    .toISOString()
    .slice(0, 16);
}

/** The ISO instant of a datetime-local value read as Beijing time. */
export function fromBeijingInput(value: string): string {
  return `${value}:00+08:00`;
}

/** The form's label of each field the API may name in a problem. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'adminCalls.callTitle',
  regionCode: 'adminCalls.region',
  opensAt: 'adminCalls.opensAt',
  closesAt: 'adminCalls.closesAt',
  quotas: 'adminCalls.quotas',
};

type QuotaGroup = FormGroup<{
  regionCode: FormControl<string>;
  limit: FormControl<number>;
}>;

/**
 * The bureau's calls (申报批次): every call of the admin's region and below with its window,
 * programme, region and quota use; a form to create or change one (what may change depends on
 * whether it is open, as the API rules), opening and closing now with a confirmation, and a
 * preview of the call as enterprises see it, with the programme's materials checklist.
 */
@Component({
  selector: 'app-admin-calls-page',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    DateTimePipe,
    LabelPipe,
    ErrorAlert,
    FormKitStyles,
    NzButtonModule,
    NzInputModule,
    NzSelectModule,
    NzSpinModule,
    NzTagModule,
  ],
  templateUrl: './admin-calls.page.html',
  styleUrl: './admin-calls.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminCallsPage implements OnInit {
  private readonly api = inject(BureauAdminApi);
  private readonly auth = inject(AuthApi);
  private readonly session = inject(SessionStore);
  private readonly messages = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly types = APPLICATION_TYPES;
  protected readonly typeLabel = (type: ApplicationType) =>
    currentWorkflow(type).label;
  protected readonly calls = signal<readonly ManagedCallView[]>([]);
  protected readonly regions = signal<readonly RegionView[]>([]);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly formProblem = signal<ApiProblem | null>(null);
  /** The form was sent with a required field empty. */
  protected readonly incomplete = signal(false);
  /** null: no form; 'new': creating; else the call being edited. */
  protected readonly editing = signal<'new' | ManagedCallView | null>(null);
  protected readonly previewing = signal<string | null>(null);

  protected readonly form = new FormGroup({
    type: new FormControl<ApplicationType>('high_tech', { nonNullable: true }),
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2)],
    }),
    regionCode: new FormControl('', { nonNullable: true }),
    opensAt: new FormControl('', {
      nonNullable: true,
      validators: Validators.required,
    }),
    closesAt: new FormControl('', {
      nonNullable: true,
      validators: Validators.required,
    }),
    quotas: new FormArray<QuotaGroup>([]),
  });
  private readonly formType = signal<ApplicationType>('high_tech');
  private readonly formRegion = signal('');

  /** The regions the admin manages: its own and those below it. */
  protected readonly ownRegions = computed(() => {
    const scopes = grantsFor(
      this.session.me()?.memberships ?? [],
      'calls.manage',
    ).flatMap((g) => (g.regionCode ? [g.regionCode] : []));
    return this.regions().filter((r) =>
      scopes.some((s) => regionContains(s, r.code)),
    );
  });
  /** Quotas are for regions strictly inside the call's region. */
  protected readonly quotaRegions = computed(() =>
    this.regions().filter(
      (r) =>
        r.code !== this.formRegion() &&
        regionContains(this.formRegion(), r.code),
    ),
  );
  protected readonly materials = computed(
    () => APPLICATION_FORMS[this.formType()].materials,
  );
  protected readonly isOpen = computed(() => {
    const editing = this.editing();
    return editing !== null && editing !== 'new' && editing.status === 'open';
  });

  constructor() {
    // This feature's strings come with its pages, not with the first bundle.
    useFeatureTranslations(BUREAU_ADMIN_TRANSLATIONS);
  }

  ngOnInit(): void {
    this.load();
    this.auth
      .allRegions()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (r) => this.regions.set(r) });
    this.form.controls.type.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((t) => this.formType.set(t));
    this.form.controls.regionCode.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((r) => this.formRegion.set(r));
  }

  protected regionName(code: string): string {
    return this.regions().find((r) => r.code === code)?.name ?? code;
  }

  protected materialsOf(type: ApplicationType) {
    return APPLICATION_FORMS[type].materials;
  }

  protected load(): void {
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .managedCalls()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (calls) => {
          this.calls.set(calls);
          this.loaded.set(true);
        },
        error: (e: unknown) => this.problem.set(toApiProblem(e)),
      });
  }

  protected startNew(): void {
    const own = this.ownRegions()[0]?.code ?? '';
    this.form.reset({
      type: 'high_tech',
      title: '',
      regionCode: own,
      opensAt: '',
      closesAt: '',
    });
    this.form.controls.quotas.clear();
    this.enableAll();
    this.formProblem.set(null);
    this.editing.set('new');
  }

  protected edit(call: ManagedCallView): void {
    this.form.reset({
      type: call.type,
      title: call.title,
      regionCode: call.regionCode,
      opensAt: toBeijingInput(call.opensAt),
      closesAt: toBeijingInput(call.closesAt),
    });
    this.form.controls.quotas.clear();
    for (const q of call.quotas) this.addQuota(q);
    this.enableAll();
    this.form.controls.type.disable();
    if (call.status === 'open') {
      this.form.controls.regionCode.disable();
      this.form.controls.opensAt.disable();
    }
    this.formProblem.set(null);
    this.editing.set(call);
  }

  protected cancel(): void {
    this.editing.set(null);
  }

  protected addQuota(quota?: CallQuota): void {
    this.form.controls.quotas.push(
      new FormGroup({
        regionCode: new FormControl(quota?.regionCode ?? '', {
          nonNullable: true,
          validators: Validators.required,
        }),
        limit: new FormControl(quota?.limit ?? 1, {
          nonNullable: true,
          validators: [Validators.required, Validators.min(0)],
        }),
      }),
    );
  }

  protected removeQuota(index: number): void {
    this.form.controls.quotas.removeAt(index);
  }

  protected save(): void {
    const editing = this.editing();
    if (!editing || this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.incomplete.set(true);
      return;
    }
    this.incomplete.set(false);
    const v = this.form.getRawValue();
    const quotas = v.quotas.map((q) => ({
      regionCode: q.regionCode,
      limit: Number(q.limit),
    }));
    const request$: Observable<unknown> =
      editing === 'new'
        ? this.api.createCall({
            type: v.type,
            title: v.title,
            regionCode: v.regionCode || undefined,
            opensAt: fromBeijingInput(v.opensAt),
            closesAt: fromBeijingInput(v.closesAt),
            quotas,
          })
        : this.api.updateCall(editing.id, {
            title: v.title,
            closesAt: fromBeijingInput(v.closesAt),
            quotas,
            ...(editing.status === 'upcoming'
              ? {
                  regionCode: v.regionCode,
                  opensAt: fromBeijingInput(v.opensAt),
                }
              : {}),
          });
    this.saving.set(true);
    this.formProblem.set(null);
    request$
      .pipe(
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.messages.success(this.translate.instant('adminCalls.saved'));
          this.editing.set(null);
          this.load();
        },
        error: (e: unknown) => this.formProblem.set(toApiProblem(e)),
      });
  }

  /** The opening or closing that waits for the admin's confirmation. */
  protected readonly confirming = signal<{
    readonly id: string;
    readonly move: 'open' | 'close';
  } | null>(null);

  /** Asks before opening or closing the call now. */
  protected ask(call: ManagedCallView, move: 'open' | 'close'): void {
    this.confirming.set({ id: call.id, move });
  }

  protected cancelMove(): void {
    this.confirming.set(null);
  }

  protected move(call: ManagedCallView, move: 'open' | 'close'): void {
    this.confirming.set(null);
    this.problem.set(null);
    (move === 'open' ? this.api.openCall(call.id) : this.api.closeCall(call.id))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.calls.update((all) =>
            all.map((c) => (c.id === updated.id ? updated : c)),
          );
          this.messages.success(
            this.translate.instant(`adminCalls.${move}Done`),
          );
        },
        error: (e: unknown) => this.problem.set(toApiProblem(e)),
      });
  }

  /** A field problem the API named, as "Closes: the call must close after it opens". */
  protected fieldText(problem: FieldError): string {
    const t = (key: string) => {
      const text: unknown = this.translate.instant(key);
      return typeof text === 'string' && text !== key ? text : null;
    };
    const field = problem.field.split('.')[0];
    const label = FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : null;
    const text =
      t(`adminCalls.problems.${problem.code}`) ?? fieldProblemText(problem, t);
    return label
      ? (this.translate.instant('adminCalls.fieldProblem', {
          field: label,
          text,
        }) as string)
      : text;
  }

  protected togglePreview(id: string): void {
    this.previewing.update((p) => (p === id ? null : id));
  }

  private enableAll(): void {
    this.form.enable();
    this.formType.set(this.form.controls.type.value);
    this.formRegion.set(this.form.controls.regionCode.value);
  }
}
