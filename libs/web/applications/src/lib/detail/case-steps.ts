import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { ApplicationDetail } from '@portal/contracts';
import { caseProgress, workflowVersion } from '@portal/domain';
import { LabelPipe } from '@portal/web-i18n';

/**
 * Where the case stands in its programme: the steps of the programme's main path drawn from its
 * definition, done, current and to come, with a return or an ending other than success beside
 * them. The enterprise reads the applicant labels; staff (who get the stage) read the bureau's.
 */
@Component({
  selector: 'app-case-steps',
  imports: [TranslatePipe, LabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = progress();
    <section class="app-panel" data-testid="case-steps">
      <h2 class="app-panel__title">
        {{ 'application.progress.title' | translate }}
      </h2>
      <ol class="app-steps">
        @for (step of p.steps; track $index) {
          <li
            class="app-step"
            data-testid="case-step"
            [class]="'app-step app-step--' + step.status"
            [class.app-step--halted]="step.status === 'current' && p.detour"
            [attr.data-status]="step.status"
            [attr.aria-current]="step.status === 'current' ? 'step' : null"
          >
            <span class="app-step__marker" aria-hidden="true">{{
              step.status === 'done' ? '✓' : $index + 1
            }}</span>
            <span class="app-step__text">
              <span class="app-step__label">{{ step.label | appLabel }}</span>
              <span class="app-step__status">{{
                'application.progress.' + step.status | translate
              }}</span>
            </span>
          </li>
        }
      </ol>
      @if (p.detour; as detour) {
        <p
          data-testid="case-detour"
          [attr.data-kind]="detour.kind"
          [class]="
            detour.kind === 'return'
              ? 'app-step-detour app-step-detour--return'
              : 'app-step-detour app-step-detour--ending'
          "
        >
          {{
            (detour.kind === 'return'
              ? 'application.progress.returned'
              : 'application.progress.ended'
            ) | translate: { label: detour.label | appLabel }
          }}
        </p>
      }
    </section>
  `,
  styles: `
    .app-steps {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(130px, 1fr));
      gap: 12px 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .app-step {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      min-width: 0;
      padding-top: 8px;
      border-top: 3px solid #f0f0f0;
    }
    .app-step--done {
      border-top-color: #52c41a;
    }
    .app-step--current {
      border-top-color: #1677ff;
    }
    .app-step--halted {
      border-top-color: #faad14;
    }
    .app-step__marker {
      flex: none;
      width: 24px;
      height: 24px;
      border-radius: 50%;
      line-height: 22px;
      text-align: center;
      border: 1px solid #d9d9d9;
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .app-step--done .app-step__marker {
      border-color: #52c41a;
      color: #389e0d;
    }
    .app-step--current .app-step__marker {
      border-color: #1677ff;
      background: #1677ff;
      color: #fff;
    }
    .app-step--halted .app-step__marker {
      border-color: #faad14;
      background: #faad14;
    }
    .app-step__text {
      display: flex;
      flex-direction: column;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .app-step--current .app-step__label {
      font-weight: 600;
    }
    .app-step--upcoming .app-step__label {
      color: rgba(0, 0, 0, 0.55);
    }
    .app-step__status {
      color: rgba(0, 0, 0, 0.55);
      font-size: 12px;
    }
    .app-step-detour {
      margin: 12px 0 0;
      padding: 6px 12px;
      border-radius: 4px;
    }
    .app-step-detour--return {
      background: #fffbe6;
      border: 1px solid #ffe58f;
    }
    .app-step-detour--ending {
      background: #fafafa;
      border: 1px solid #d9d9d9;
    }
    @media (max-width: 575px) {
      .app-steps {
        grid-template-columns: 1fr;
      }
      .app-step {
        padding: 0 0 0 8px;
        border-top: 0;
        border-left: 3px solid #f0f0f0;
      }
      .app-step--done {
        border-left-color: #52c41a;
      }
      .app-step--current {
        border-left-color: #1677ff;
      }
      .app-step--halted {
        border-left-color: #faad14;
      }
    }
  `,
})
export class CaseSteps {
  readonly application = input.required<ApplicationDetail>();

  protected readonly progress = computed(() => {
    const application = this.application();
    const definition = workflowVersion(
      application.type,
      application.workflowVersion,
    );
    // The API gives staff the internal stage and the enterprise none: read in their wording.
    const reader = application.status.stage === null ? 'applicant' : 'staff';
    const visited = application.events.flatMap((e) =>
      e.from === null ? [e.to] : [e.from, e.to],
    );
    return caseProgress(definition, application.status.state, reader, visited);
  });
}
