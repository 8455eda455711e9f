import { HttpEventType } from '@angular/common/http';
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
import type {
  FileKind,
  MaterialDefinition,
  MaterialPhase,
} from '@portal/domain';
import { ApplicationsApi } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  LabelPipe,
  LanguageService,
  toApiProblem,
  useFeatureTranslations,
} from '@portal/web-i18n';
import { ErrorAlert, FilePreview, type PreviewKind } from '@portal/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { EMPTY, concatMap, finalize, of } from 'rxjs';
import { acceptFor } from '../shared/form-model';
import { CASE_REVIEW_TRANSLATIONS } from './case-review.translations';

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

/** A file on its way up: its material's row shows the bar; other rows stay usable. */
export interface UploadProgress {
  readonly fileName: string;
  /** 0–100. */
  readonly percent: number;
}

/** The kinds a browser shows by itself; Word and Excel files are downloaded instead. */
const PREVIEWABLE: Readonly<Partial<Record<FileKind, PreviewKind>>> = {
  pdf: 'pdf',
  jpeg: 'jpeg',
  png: 'png',
};

/**
 * The materials checklist: what is required, what is uploaded. Where editable: uploads with a
 * progress bar each (several at once, one per material), preview, replace, and removal after a
 * confirmation.
 */
@Component({
  selector: 'app-materials-section',
  imports: [
    TranslatePipe,
    NzButtonModule,
    FilePreview,
    NzProgressModule,
    NzTagModule,
    DateTimePipe,
    ErrorAlert,
    LabelPipe,
  ],
  templateUrl: './materials-section.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MaterialsSection {
  constructor() {
    useFeatureTranslations(CASE_REVIEW_TRANSLATIONS);
  }

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
  /** A file was uploaded, replaced or removed: the application changed. */
  readonly changed = output<void>();

  /** Uploads under way, by material key. */
  protected readonly uploads = signal<ReadonlyMap<string, UploadProgress>>(
    new Map(),
  );
  /** Attachments being removed (or replaced: removed once the new file is up). */
  protected readonly removing = signal<ReadonlySet<string>>(new Set());
  /** The attachment whose removal waits for the user's confirmation. */
  protected readonly confirming = signal<string | null>(null);
  protected readonly problem = signal<ApiProblem | null>(null);
  /** The attachments shown in the page, under their row (several may be open at once). */
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());

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

  protected previewKind(attachment: AttachmentView): PreviewKind | null {
    return PREVIEWABLE[attachment.kind] ?? null;
  }

  /** Shows the file in the page under its row, or folds it away (its local copy released). */
  protected togglePreview(attachment: AttachmentView): void {
    this.expanded.update((open) => {
      const next = new Set(open);
      if (!next.delete(attachment.id)) next.add(attachment.id);
      return next;
    });
  }

  /** Uploads the picked file; with `replacing`, removes that attachment once the new one is up. */
  protected upload(
    material: MaterialDefinition,
    picker: HTMLInputElement,
    replacing: AttachmentView | null = null,
  ): void {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file || this.uploads().has(material.key)) return;
    const key = material.key;
    this.problem.set(null);
    this.setUpload(key, { fileName: file.name, percent: 0 });
    if (replacing) this.mark(replacing.id, true);
    this.api
      .uploadMaterialWithProgress(this.applicationId(), key, file)
      .pipe(
        concatMap((event) => {
          if (event.type === HttpEventType.UploadProgress) {
            const percent = event.total
              ? Math.round((event.loaded * 100) / event.total)
              : 0;
            this.setUpload(key, { fileName: file.name, percent });
            return EMPTY;
          }
          if (event.type !== HttpEventType.Response) return EMPTY;
          this.setUpload(key, { fileName: file.name, percent: 100 });
          return replacing
            ? this.api.removeMaterial(this.applicationId(), replacing.id)
            : of(undefined);
        }),
        finalize(() => {
          this.setUpload(key, null);
          if (replacing) this.mark(replacing.id, false);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => this.changed.emit(),
        error: (error: unknown) => {
          this.problem.set(toApiProblem(error));
          // A replacement whose new file is up but whose old one stayed: show both.
          if (replacing) this.changed.emit();
        },
      });
  }

  protected askRemove(attachment: AttachmentView): void {
    this.confirming.set(attachment.id);
  }

  protected cancelRemove(): void {
    this.confirming.set(null);
  }

  protected remove(attachment: AttachmentView): void {
    this.confirming.set(null);
    this.problem.set(null);
    this.mark(attachment.id, true);
    this.api
      .removeMaterial(this.applicationId(), attachment.id)
      .pipe(
        finalize(() => this.mark(attachment.id, false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => this.changed.emit(),
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  protected sizeKb(attachment: AttachmentView): number {
    return Math.max(1, Math.round(attachment.sizeBytes / 1024));
  }

  private setUpload(key: string, progress: UploadProgress | null): void {
    this.uploads.update((current) => {
      const next = new Map(current);
      if (progress) next.set(key, progress);
      else next.delete(key);
      return next;
    });
  }

  private mark(attachmentId: string, busy: boolean): void {
    this.removing.update((current) => {
      const next = new Set(current);
      if (busy) next.add(attachmentId);
      else next.delete(attachmentId);
      return next;
    });
  }
}
