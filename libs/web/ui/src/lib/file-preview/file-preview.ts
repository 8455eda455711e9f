import { HttpClient } from '@angular/common/http';
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
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { TranslatePipe } from '@ngx-translate/core';
import { Subscription } from 'rxjs';

/** The kinds a browser shows in the page; others are offered as a download. */
export type PreviewKind = 'pdf' | 'jpeg' | 'png';

/**
 * A stored file shown in the page (a PDF in a frame, a picture as an image), fetched with the
 * session from its API route and shown from a local copy (blob:), so it is never a download and
 * never leaves the portal's origin. The copy is released when the file changes or the view goes.
 */
@Component({
  selector: 'app-file-preview',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    .preview {
      display: block;
      width: 100%;
      border: 1px solid #f0f0f0;
      border-radius: 4px;
      background: #fafafa;
    }
    iframe.preview {
      height: var(--app-file-preview-height, 480px);
    }
    img.preview {
      max-height: var(--app-file-preview-height, 480px);
      object-fit: contain;
    }
    .preview__links {
      margin-top: 4px;
      font-size: 12px;
    }
  `,
  template: `
    @if (failed()) {
      <p class="app-muted" role="alert" data-testid="file-preview-failed">
        {{ 'filePreview.failed' | translate }}
      </p>
    } @else if (shown(); as shown) {
      @if (kind() === 'pdf') {
        <iframe
          class="preview"
          data-testid="file-preview-pdf"
          [title]="fileName()"
          [src]="shown.safe"
        ></iframe>
      } @else {
        <img
          class="preview"
          data-testid="file-preview-image"
          [alt]="fileName()"
          [src]="shown.safe"
        />
      }
      <div class="preview__links">
        <a
          data-testid="file-preview-tab"
          target="_blank"
          rel="noopener"
          [href]="shown.safe"
          >{{ 'filePreview.openInTab' | translate }}</a
        >
      </div>
    } @else {
      <p class="app-muted" data-testid="file-preview-loading">
        {{ 'filePreview.loading' | translate }}
      </p>
    }
  `,
})
export class FilePreview {
  private readonly http = inject(HttpClient);
  private readonly sanitizer = inject(DomSanitizer);

  /** The API route that sends the file. */
  readonly url = input.required<string>();
  readonly kind = input.required<PreviewKind>();
  readonly fileName = input('');

  private readonly local = signal<string | null>(null);
  protected readonly failed = signal(false);
  protected readonly shown = computed(() => {
    const url = this.local();
    return url
      ? {
          safe: this.sanitizer.bypassSecurityTrustResourceUrl(
            url,
          ) as SafeResourceUrl,
        }
      : null;
  });
  private request: Subscription | null = null;

  constructor() {
    effect(() => {
      const url = this.url();
      untracked(() => this.load(url));
    });
    inject(DestroyRef).onDestroy(() => {
      this.request?.unsubscribe();
      this.release();
    });
  }

  private load(url: string): void {
    this.request?.unsubscribe();
    this.release();
    this.failed.set(false);
    this.request = this.http.get(url, { responseType: 'blob' }).subscribe({
      next: (blob) => this.local.set(URL.createObjectURL(blob)),
      error: () => this.failed.set(true),
    });
  }

  private release(): void {
    const url = this.local();
    if (url) URL.revokeObjectURL(url);
    this.local.set(null);
  }
}
