import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  ApplicationDetail,
  ApplicationEventView,
} from '@portal/contracts';
import {
  applicantWording,
  workflowVersion,
  type Labels,
  type StateDefinition,
} from '@portal/domain';
import { DateTimePipe, LabelPipe } from '@portal/web-i18n';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';

export type MilestoneStatus = 'done' | 'current' | 'upcoming' | 'stopped';

/** One milestone of the case as the timeline draws it. */
export interface MilestoneView {
  readonly state: string;
  /** What is owed: the enterprise's step out of the milestone (e.g. "submit the mid-term report"). */
  readonly title: Labels;
  /** The state as the reader may name it (the applicant's wording for the enterprise). */
  readonly stage: Labels;
  readonly status: MilestoneStatus;
  /** When the case last reached the milestone, and left it (done ones). */
  readonly reachedAt: string | null;
  readonly leftAt: string | null;
  /** The current milestone's due date and the working days left (negative: overdue). */
  readonly dueAt: string | null;
  readonly daysLeft: number | null;
  readonly overdue: boolean;
  /** The milestone's time limit in working days, from the definition. */
  readonly limitDays: number | null;
}

const COLOURS: Readonly<Record<MilestoneStatus, string>> = {
  done: 'green',
  current: 'blue',
  upcoming: 'gray',
  stopped: 'gray',
};

/**
 * The milestones of a case in definition order, from its definition (states marked `milestone`)
 * and its history: done (reached and left), current (with its due date and working days left),
 * to come, or never reached because the case ended first.
 */
export function milestonesOf(application: ApplicationDetail): MilestoneView[] {
  const definition = workflowVersion(
    application.type,
    application.workflowVersion,
  );
  const states = definition.states as Readonly<Record<string, StateDefinition>>;
  const asStaff = application.status.stage !== null;
  const events = application.events;
  return Object.entries(states)
    .filter(([, state]) => state.milestone === true)
    .map(([key, state]) => {
      const owed = definition.transitions.find(
        (t) => t.from.includes(key) && t.by.includes('enterprise'),
      );
      const reached = lastOf(events, (e) => e.to === key);
      const left = reached
        ? lastOf(events, (e) => e.from === key && e.seq > reached.seq)
        : null;
      const current = application.status.state === key;
      const status: MilestoneStatus = current
        ? 'current'
        : reached
          ? 'done'
          : application.status.terminal
            ? 'stopped'
            : 'upcoming';
      return {
        state: key,
        title: owed ? applicantWording(owed) : state.applicantLabel,
        stage: asStaff ? state.staffLabel : state.applicantLabel,
        status,
        reachedAt: reached?.createdAt ?? null,
        leftAt: current ? null : (left?.createdAt ?? null),
        dueAt: current ? application.dueAt : null,
        daysLeft: current ? application.dueInWorkingDays : null,
        overdue:
          current &&
          (application.overdue || (application.dueInWorkingDays ?? 0) < 0),
        limitDays: state.timeLimitDays,
      };
    });
}

function lastOf(
  events: readonly ApplicationEventView[],
  test: (e: ApplicationEventView) => boolean,
): ApplicationEventView | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i] as ApplicationEventView;
    if (test(event)) return event;
  }
  return null;
}

/**
 * The case's milestones (a project's mid-term and final reports) as a timeline; nothing where the
 * definition has none.
 */
@Component({
  selector: 'app-milestone-timeline',
  imports: [
    TranslatePipe,
    NzTagModule,
    NzTimelineModule,
    DateTimePipe,
    LabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .milestone__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .milestone__head .ant-tag {
      margin-inline-end: 0;
    }
    .milestone__line {
      margin: 2px 0 0;
    }
    .milestone__overdue {
      color: #cf1322;
      font-weight: 600;
    }
  `,
  template: `
    @if (milestones().length) {
      <section class="app-panel" data-testid="milestones">
        <h2 class="app-panel__title">{{ 'milestones.title' | translate }}</h2>
        <nz-timeline>
          @for (m of milestones(); track m.state) {
            <nz-timeline-item [nzColor]="m.overdue ? 'red' : colours[m.status]">
              <div
                data-testid="milestone"
                [attr.data-state]="m.state"
                [attr.data-status]="m.status"
              >
                <div class="milestone__head">
                  <strong>{{ m.title | appLabel }}</strong>
                  <nz-tag
                    data-testid="milestone-status"
                    [nzColor]="
                      m.overdue
                        ? 'error'
                        : m.status === 'current'
                          ? 'processing'
                          : m.status === 'done'
                            ? 'success'
                            : 'default'
                    "
                    >{{ 'milestones.' + m.status | translate }}</nz-tag
                  >
                </div>
                <div class="app-muted milestone__line">
                  {{ m.stage | appLabel }}
                </div>
                @if (m.status === 'current') {
                  @if (m.dueAt) {
                    <div class="milestone__line" data-testid="milestone-due">
                      {{
                        'milestones.dueAt'
                          | translate: { at: (m.dueAt | appDateTime) }
                      }}
                      @if (m.daysLeft !== null) {
                        ·
                        <span
                          data-testid="milestone-days"
                          [class.milestone__overdue]="m.overdue"
                        >
                          @if (m.daysLeft > 0) {
                            {{
                              'milestones.daysLeft'
                                | translate: { count: m.daysLeft }
                            }}
                          } @else if (m.daysLeft < 0) {
                            {{
                              'milestones.overdueBy'
                                | translate: { count: -m.daysLeft }
                            }}
                          } @else if (m.overdue) {
                            {{ 'application.overdue' | translate }}
                          } @else {
                            {{ 'milestones.dueToday' | translate }}
                          }
                        </span>
                      }
                    </div>
                  }
                }
                @if (m.reachedAt) {
                  <div class="app-muted milestone__line">
                    {{
                      'milestones.reachedAt'
                        | translate: { at: (m.reachedAt | appDateTime) }
                    }}
                    @if (m.leftAt) {
                      ·
                      {{
                        'milestones.leftAt'
                          | translate: { at: (m.leftAt | appDateTime) }
                      }}
                    }
                  </div>
                }
                @if (m.status === 'upcoming' && m.limitDays) {
                  <div
                    class="app-muted milestone__line"
                    data-testid="milestone-limit"
                  >
                    {{ 'milestones.limit' | translate: { count: m.limitDays } }}
                  </div>
                }
                @if (m.status === 'stopped') {
                  <div class="app-muted milestone__line">
                    {{ 'milestones.stoppedHint' | translate }}
                  </div>
                }
              </div>
            </nz-timeline-item>
          }
        </nz-timeline>
      </section>
    }
  `,
})
export class MilestoneTimeline {
  readonly application = input.required<ApplicationDetail>();

  protected readonly colours = COLOURS;
  protected readonly milestones = computed(() =>
    milestonesOf(this.application()),
  );
}
