import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { ApplicationEventView } from '@portal/contracts';
import {
  DateTimePipe,
  LabelPipe,
  useFeatureTranslations,
} from '@portal/web-i18n';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import type { SupplementTarget } from '../shared/form-model';
import { TargetLabelPipe } from '../shared/target-label.pipe';
import { CASE_REVIEW_TRANSLATIONS } from './case-review.translations';

/** The application's history as the reader may see it, oldest first. */
@Component({
  selector: 'app-application-timeline',
  imports: [
    TranslatePipe,
    NzTimelineModule,
    NzTagModule,
    DateTimePipe,
    LabelPipe,
    TargetLabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (events().length) {
      <nz-timeline data-testid="timeline">
        @for (event of events(); track event.seq) {
          <nz-timeline-item>
            <div data-testid="timeline-event" [attr.data-action]="event.action">
              <strong>{{ event.actionLabel | appLabel }}</strong>
              → {{ event.toLabel | appLabel }}
              <div class="app-muted">
                {{ event.createdAt | appDateTime }}
                @if (event.actorName) {
                  ·
                  {{
                    'application.actor' | translate: { name: event.actorName }
                  }}
                }
              </div>
              @if (event.comment) {
                <p
                  data-testid="timeline-comment"
                  [class.timeline__internal]="event.internal"
                >
                  @if (event.internal) {
                    <nz-tag
                      nzColor="default"
                      data-testid="timeline-internal"
                      [attr.title]="'caseReview.internalHint' | translate"
                      >{{ 'caseReview.internal' | translate }}</nz-tag
                    >
                  }
                  {{ event.comment }}
                </p>
              }
              @if (event.items?.length) {
                <ul>
                  @for (item of event.items; track $index) {
                    <li>
                      {{
                        'application.itemLine'
                          | translate
                            : {
                                target: item.target | targetLabel: targets(),
                                note: item.note,
                              }
                      }}
                    </li>
                  }
                </ul>
              }
            </div>
          </nz-timeline-item>
        }
      </nz-timeline>
    } @else {
      <p class="app-muted">{{ 'application.noEvents' | translate }}</p>
    }
  `,
  styles: `
    .timeline__internal {
      padding: 4px 8px;
      border-left: 3px solid #d9d9d9;
      background: #fafafa;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class ApplicationTimeline {
  constructor() {
    useFeatureTranslations(CASE_REVIEW_TRANSLATIONS);
  }

  readonly events = input.required<readonly ApplicationEventView[]>();
  readonly targets = input.required<readonly SupplementTarget[]>();
}
