import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import type { AttachmentView } from '@portal/contracts';
import type { MaterialDefinition, MaterialPhase } from '@portal/domain';
import { ApplicationsApi } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  LabelPipe,
  LanguageService,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { type Observable, finalize } from 'rxjs';
import { acceptFor } from '../shared/form-model';

interface MaterialRow {
  readonly material: MaterialDefinition;
  readonly accept: string;
  readonly files: readonly AttachmentView[];
  /** The enterprise uploads and removes files of this material here. */
  readonly editable: boolean;
  /** Required, open here, and nothing uploaded yet. */
  readonly missing: boolean;
  /** A step was refused because this material is missing. */
  readonly flagged: boolean;
}

/** The materials checklist: what is required, what is uploaded; upload and remove when editable. */
@Component({
  selector: 'app-materials-section',
  imports: [
    TranslatePipe,
    NzButtonModule,
    NzTagModule,
    DateTimePipe,
    ErrorAlert,
    LabelPipe,
  ],
  templateUrl: './materials-section.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MaterialsSection {
  private readonly api = inject(ApplicationsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly languages = inject(LanguageService);

  readonly applicationId = input.required<string>();
  readonly materials = input.required<readonly MaterialDefinition[]>();
  readonly attachments = input.required<readonly AttachmentView[]>();
  readonly editable = input(false);
  /** The phases open for uploads in the case's state; null: every phase, where editable. */
  readonly openPhases = input<readonly MaterialPhase[] | null>(null);
  /** Materials a refused step named as missing: flagged at their row. */
  readonly missing = input<readonly string[]>([]);
  /** A file was uploaded or removed: the application changed. */
  readonly changed = output<void>();

  /** The material key (upload) or attachment id (removal) being worked on. */
  protected readonly busy = signal<string | null>(null);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly rows = computed((): MaterialRow[] => {
    const open = this.openPhases();
    const flagged = this.missing();
    return this.materials().map((material) => {
      const files = this.attachments().filter(
        (a) => a.materialKey === material.key,
      );
      const editable =
        this.editable() &&
        (open === null || open.includes(material.phase ?? 'application'));
      return {
        material,
        accept: acceptFor(material.allowed),
        files,
        editable,
        missing: editable && material.required && files.length === 0,
        flagged: flagged.includes(material.key),
      };
    });
  });
  /** The names of the flagged materials, for the notice above the checklist. */
  protected readonly flaggedList = computed(() => {
    const language = this.languages.language();
    return this.rows()
      .filter((row) => row.flagged)
      .map((row) => row.material.label[language])
      .join(language === 'en' ? ', ' : '、');
  });

  protected downloadUrl(attachment: AttachmentView): string {
    return this.api.materialUrl(this.applicationId(), attachment.id);
  }

  protected upload(
    material: MaterialDefinition,
    input: HTMLInputElement,
  ): void {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.run(
      material.key,
      this.api.uploadMaterial(this.applicationId(), material.key, file),
    );
  }

  protected remove(attachment: AttachmentView): void {
    this.run(
      attachment.id,
      this.api.removeMaterial(this.applicationId(), attachment.id),
    );
  }

  protected sizeKb(attachment: AttachmentView): number {
    return Math.max(1, Math.round(attachment.sizeBytes / 1024));
  }

  private run(key: string, request: Observable<unknown>): void {
    this.busy.set(key);
    this.problem.set(null);
    request
      .pipe(
        finalize(() => this.busy.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => this.changed.emit(),
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }
}
