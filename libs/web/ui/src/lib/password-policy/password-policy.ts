import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import {
  PASSWORD_MIN_CLASSES,
  PASSWORD_MIN_LENGTH,
  checkPasswordPolicy,
} from '@portal/domain';
import { Icon } from '../icon/icon';

interface Rule {
  readonly key: string;
  readonly params: Record<string, unknown>;
  /** null: only the server can tell (the common-password list never ships to the browser). */
  readonly met: boolean | null;
}

/**
 * The password policy as a live checklist, from the same rules the API applies. Meant for the
 * password field's `nzExtra`, below its error message.
 */
@Component({
  selector: 'app-password-policy',
  imports: [Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="policy" data-testid="password-policy" aria-live="polite">
      <span class="title">{{ 'passwordPolicy.title' | translate }}</span>
      <ul>
        @for (rule of rules(); track rule.key) {
          <li [class.met]="rule.met === true" [attr.data-met]="rule.met">
            <app-icon
              [name]="
                rule.met === true
                  ? 'check-circle'
                  : rule.met === false
                    ? 'close-circle'
                    : 'info-circle'
              "
            />
            {{ rule.key | translate: rule.params }}
          </li>
        }
      </ul>
    </div>
  `,
  styles: `
    .policy {
      margin: 4px 0 0;
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    ul {
      margin: 4px 0 0;
      padding: 0;
      list-style: none;
    }
    li.met {
      color: #389e0d;
    }
    app-icon {
      margin-right: 4px;
    }
  `,
})
export class PasswordPolicyHints {
  readonly password = input<string>('');
  readonly email = input<string>('');

  protected readonly rules = computed((): Rule[] => {
    const password = this.password();
    const problems = checkPasswordPolicy(password, { email: this.email() });
    const typed = password.length > 0;
    const met = (broken: boolean) => (typed ? !broken : false);
    return [
      {
        key: 'passwordPolicy.minLength',
        params: { min: PASSWORD_MIN_LENGTH },
        met: met(problems.includes('too_short')),
      },
      {
        key: 'passwordPolicy.classes',
        params: { min: PASSWORD_MIN_CLASSES },
        met: met(problems.includes('too_few_classes')),
      },
      {
        key: 'passwordPolicy.notEmail',
        params: {},
        met: met(problems.includes('contains_email')),
      },
      { key: 'passwordPolicy.notCommon', params: {}, met: null },
    ];
  });
}
