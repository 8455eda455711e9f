import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { ApplicationEventView } from '@portal/contracts';
import { DateTimePipe, LabelPipe } from '@portal/web-i18n';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import type { SupplementTarget } from '../shared/form-model';
import { TargetLabelPipe } from '../shared/target-label.pipe';

/** The application's history as the reader may see it, oldest first. */
@Component({
  selector: 'app-application-timeline',
  imports: [
    TranslatePipe,
    NzTimelineModule,
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
                <p data-testid="timeline-comment">{{ event.comment }}</p>
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
})
export class ApplicationTimeline {
  readonly events = input.required<readonly ApplicationEventView[]>();
  readonly targets = input.required<readonly SupplementTarget[]>();
}
