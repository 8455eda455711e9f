import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import {
  ApiRoutes,
  type CompanyLicenceView,
  type VerificationStatus,
} from '@portal/contracts';
import { CompanyLicenceApi } from '@portal/web-data-access';
import { type ApiProblem, DateTimePipe, toApiProblem } from '@portal/web-i18n';
import { ErrorAlert, FilePreview } from '@portal/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzProgressModule } from 'ng-zorro-antd/progress';

/**
 * The company's business licence on its profile: uploaded (with its progress) and replaced until
 * the county has verified the company, shown in the page as uploaded.
 */
@Component({
  selector: 'app-company-licence-card',
  imports: [
    TranslatePipe,
    DateTimePipe,
    ErrorAlert,
    FilePreview,
    NzButtonModule,
    NzProgressModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .licence__input {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
    }
    .licence__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
      margin: 8px 0;
    }
    app-file-preview {
      --app-file-preview-height: 360px;
      max-width: 560px;
    }
  `,
  template: `
    <section class="app-panel" data-testid="company-licence">
      <h2 class="app-panel__title">{{ 'licence.title' | translate }}</h2>
      <p class="app-muted">
        {{
          (status() === 'verified' ? 'licence.verifiedHint' : 'licence.hint')
            | translate
        }}
      </p>
      <app-error-alert [problem]="problem()" />
      @if (licence(); as licence) {
        <p data-testid="company-licence-current">
          {{
            'licence.uploadedAt'
              | translate
                : {
                    name: licence.fileName,
                    time: (licence.uploadedAt | appDateTime),
                  }
          }}
        </p>
        <app-file-preview
          [url]="fileUrl"
          [kind]="licence.kind"
          [fileName]="licence.fileName"
        />
      } @else if (loaded()) {
        <p class="app-muted" data-testid="company-licence-none">
          {{ 'licence.none' | translate }}
        </p>
      }
      @if (canUpload() && status() !== 'verified') {
        <div class="licence__actions">
          <input
            #picker
            class="licence__input"
            type="file"
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            tabindex="-1"
            aria-hidden="true"
            data-testid="company-licence-file"
            (change)="upload(picker)"
          />
          <button
            nz-button
            type="button"
            data-testid="company-licence-upload"
            [disabled]="progress() !== null"
            (click)="picker.click()"
          >
            {{ (licence() ? 'licence.replace' : 'licence.upload') | translate }}
          </button>
          @if (progress(); as percent) {
            <nz-progress
              data-testid="company-licence-progress"
              nzSize="small"
              [nzPercent]="percent"
              [style.min-width.px]="160"
            />
          }
          @if (justUploaded()) {
            <span role="status" data-testid="company-licence-uploaded">{{
              'licence.uploaded' | translate
            }}</span>
          }
        </div>
      }
    </section>
  `,
})
export class CompanyLicenceCard implements OnInit {
  private readonly api = inject(CompanyLicenceApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly status = input.required<VerificationStatus>();
  readonly canUpload = input(false);

  protected readonly fileUrl = ApiRoutes.myCompanyLicenceFile;
  protected readonly licence = signal<CompanyLicenceView | null>(null);
  protected readonly loaded = signal(false);
  protected readonly progress = signal<number | null>(null);
  protected readonly justUploaded = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  ngOnInit(): void {
    this.api
      .mine()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (licence) => {
          this.licence.set(licence);
          this.loaded.set(true);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  protected upload(picker: HTMLInputElement): void {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    this.problem.set(null);
    this.justUploaded.set(false);
    this.progress.set(0);
    this.api
      .upload(file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress && event.total)
            this.progress.set(Math.round((100 * event.loaded) / event.total));
          if (event.type === HttpEventType.Response && event.body) {
            this.progress.set(null);
            this.licence.set(event.body);
            this.justUploaded.set(true);
          }
        },
        error: (error: unknown) => {
          this.progress.set(null);
          this.problem.set(toApiProblem(error));
        },
      });
  }
}
