import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  CallView,
  InboxCounts,
  InboxItem,
  InboxQuery,
  InboxView,
  RegionView,
} from '@portal/contracts';
import {
  APPLICATION_TYPES,
  type ApplicationType,
  currentWorkflow,
  deadlineUrgency,
  partiesOf,
  regionContains,
} from '@portal/domain';
import {
  ApplicationsApi,
  AuthApi,
  InboxApi,
  SessionStore,
} from '@portal/web-data-access';
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
import { catchError, finalize, of, startWith } from 'rxjs';
import { typeLabel } from '../shared/application-type';
import { ApplicationsKitStyles } from '../shared/applications-kit-styles';
import { InboxBatchBar } from './inbox-batch-bar';

export const INBOX_PAGE_SIZE = 20;

const VIEWS: readonly InboxView[] = ['todo', 'done'];

/** The tag a case's time limit shows: working days left, amber when near, red once passed. */
export function dueBadge(item: InboxItem): {
  readonly key: string;
  readonly count: number;
  readonly color: string;
} | null {
  const days = item.dueInWorkingDays;
  if (days === null) return null;
  const urgency = deadlineUrgency(days);
  if (urgency === 'overdue')
    return {
      key: days === -1 ? 'inbox.overdueByOne' : 'inbox.overdueBy',
      count: -days,
      color: 'error',
    };
  if (days === 0) return { key: 'inbox.dueToday', count: 0, color: 'warning' };
  return {
    key: days === 1 ? 'inbox.dayLeft' : 'inbox.daysLeft',
    count: days,
    color: urgency === 'near' ? 'warning' : 'default',
  };
}

/**
 * The staff's desk: what waits for them (todo) and what they handled (done), each tab with its
 * count under the filters; the cases' time limits in working days; one action on several cases.
 */
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
    InboxBatchBar,
    LabelPipe,
  ],
  templateUrl: './inbox.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxPage implements OnInit {
  private readonly inbox = inject(InboxApi);
  private readonly applications = inject(ApplicationsApi);
  private readonly auth = inject(AuthApi);
  private readonly session = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly views = VIEWS;
  protected readonly dueBadge = dueBadge;
  protected readonly types = APPLICATION_TYPES.map((type) => ({
    type,
    label: typeLabel(type),
  }));
  protected readonly filter = inject(NonNullableFormBuilder).group({
    type: ['' as ApplicationType | ''],
    state: [''],
    callId: [''],
    regionCode: [''],
    overdue: [false],
    q: [''],
    order: ['newest' as 'newest' | 'oldest'],
  });
  private readonly chosenType = toSignal(
    this.filter.controls.type.valueChanges.pipe(
      startWith(this.filter.controls.type.value),
    ),
  );
  /** The stages of the chosen programme, as the bureau names them. */
  protected readonly states = computed(() => {
    const type = this.chosenType();
    if (!type) return [];
    return Object.entries(currentWorkflow(type).states)
      .filter(([, state]) => !state.terminal)
      .map(([key, state]) => ({ key, label: state.staffLabel }));
  });
  protected readonly parties = computed(() =>
    partiesOf(this.session.me()?.memberships ?? []),
  );
  /** The regions below the reader's own: a city or province desk narrows to one of them. */
  protected readonly regions = signal<readonly RegionView[]>([]);
  protected readonly calls = signal<readonly CallView[]>([]);
  protected readonly view = signal<InboxView>('todo');
  protected readonly counts = signal<InboxCounts | null>(null);
  protected readonly items = signal<readonly InboxItem[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly selectedIds = signal<ReadonlySet<string>>(new Set());
  protected readonly selected = computed(() =>
    this.items().filter((item) => this.selectedIds().has(item.id)),
  );
  protected readonly allSelected = computed(
    () =>
      this.items().length > 0 &&
      this.items().every((item) => this.selectedIds().has(item.id)),
  );
  /** The filters of the list shown, so "load more" continues the same query. */
  private query: InboxQuery = {};

  ngOnInit(): void {
    this.applyFilter();
    this.applications
      .calls()
      .pipe(
        catchError(() => of([])),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((calls) => this.calls.set(calls));
    const scopes = (this.session.me()?.memberships ?? [])
      .filter((m) => m.level === 'city' || m.level === 'province')
      .map((m) => m.regionCode)
      .filter((code): code is string => !!code);
    if (scopes.length)
      this.auth
        .allRegions()
        .pipe(
          catchError(() => of([])),
          takeUntilDestroyed(this.destroyRef),
        )
        .subscribe((regions) =>
          this.regions.set(
            regions.filter((r) =>
              scopes.some(
                (scope) => scope !== r.code && regionContains(scope, r.code),
              ),
            ),
          ),
        );
  }

  protected selectView(index: number): void {
    const view = VIEWS[index] ?? 'todo';
    if (view === this.view()) return;
    this.view.set(view);
    this.applyFilter();
  }

  protected applyFilter(): void {
    const { type, state, callId, regionCode, overdue, q, order } =
      this.filter.getRawValue();
    const text = q.trim();
    this.query = {
      view: this.view(),
      order,
      ...(type ? { type } : {}),
      ...(type && state ? { state } : {}),
      ...(callId ? { callId } : {}),
      ...(regionCode ? { regionCode } : {}),
      ...(overdue ? { overdue: true } : {}),
      ...(text ? { q: text } : {}),
    };
    this.load();
    this.loadCounts();
  }

  /** Newest or oldest first, from the sortable column's header. */
  protected sortBy(order: string | null): void {
    this.filter.controls.order.setValue(
      order === 'ascend' ? 'oldest' : 'newest',
    );
    this.applyFilter();
  }

  /** The first page, or with `more` the page after the last one shown. */
  protected load(more = false): void {
    const cursor = more ? this.nextCursor() : null;
    this.loading.set(true);
    this.problem.set(null);
    if (!more) this.selectedIds.set(new Set());
    this.inbox
      .page({
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

  protected refresh(): void {
    this.load();
    this.loadCounts();
  }

  private loadCounts(): void {
    const { type, state, callId, regionCode, overdue, q } = this.query;
    this.inbox
      .counts({ type, state, callId, regionCode, overdue, q })
      .pipe(
        catchError(() => of(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((counts) => this.counts.set(counts));
  }

  protected toggle(id: string, on: boolean): void {
    this.selectedIds.update((ids) => {
      const next = new Set(ids);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected toggleAll(on: boolean): void {
    this.selectedIds.set(
      on ? new Set(this.items().map((item) => item.id)) : new Set(),
    );
  }

  protected clearSelection(): void {
    this.selectedIds.set(new Set());
  }
}
