import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  ApplicationSummary,
  InboxQuery,
  InboxView,
} from '@portal/contracts';
import { APPLICATION_TYPES, type ApplicationType } from '@portal/domain';
import { ApplicationsApi } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  LabelPipe,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize } from 'rxjs';
import { typeLabel } from '../shared/application-type';
import { ApplicationsKitStyles } from '../shared/applications-kit-styles';

export const INBOX_PAGE_SIZE = 20;

const VIEWS: readonly InboxView[] = ['todo', 'done'];

/** The staff's applications: what waits for them (todo) and what they handled (done). */
@Component({
  selector: 'app-inbox-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    NzButtonModule,
    NzCheckboxModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    ApplicationsKitStyles,
    DataKitStyles,
    DateTimePipe,
    ErrorAlert,
    FormKitStyles,
    LabelPipe,
  ],
  templateUrl: './inbox.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage implements OnInit {
  private readonly api = inject(ApplicationsApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly views = VIEWS;
  protected readonly types = APPLICATION_TYPES.map((type) => ({
    type,
    label: typeLabel(type),
  }));
  protected readonly filter = inject(NonNullableFormBuilder).group({
    type: ['' as ApplicationType | ''],
    overdue: [false],
    q: [''],
  });
  protected readonly view = signal<InboxView>('todo');
  protected readonly items = signal<readonly ApplicationSummary[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  /** The filters of the list shown, so "load more" continues the same query. */
  private query: InboxQuery = {};

  ngOnInit(): void {
    this.applyFilter();
  }

  protected selectView(index: number): void {
    const view = VIEWS[index] ?? 'todo';
    if (view === this.view()) return;
    this.view.set(view);
    this.applyFilter();
  }

  protected applyFilter(): void {
    const { type, overdue, q } = this.filter.getRawValue();
    const text = q.trim();
    this.query = {
      view: this.view(),
      ...(type ? { type } : {}),
      ...(overdue ? { overdue: true } : {}),
      ...(text ? { q: text } : {}),
    };
    this.load();
  }

  /** The first page, or with `more` the page after the last one shown. */
  protected load(more = false): void {
    const cursor = more ? this.nextCursor() : null;
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .inbox({
        ...this.query,
        limit: INBOX_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      })
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (page) => {
          this.items.update((items) =>
            more ? [...items, ...page.items] : page.items,
          );
          this.nextCursor.set(page.nextCursor);
          this.loaded.set(true);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }
}
