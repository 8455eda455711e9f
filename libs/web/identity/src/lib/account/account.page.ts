import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '@portal/web-data-access';
import { RoleLabelPipe } from '@portal/web-i18n';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTableModule } from 'ng-zorro-antd/table';
import { ChangePassword } from './change-password';
import { ExpertConflicts } from './expert-conflicts';
import { NotificationPreferences } from './notification-preferences';
import { SecondFactorSetup } from './second-factor-setup';

/** The user's profile, memberships, second factor, password and e-mail notification choices. */
@Component({
  selector: 'app-account-page',
  imports: [
    TranslatePipe,
    NzDescriptionsModule,
    NzTableModule,
    RoleLabelPipe,
    DataKitStyles,
    FormKitStyles,
    ChangePassword,
    ExpertConflicts,
    NotificationPreferences,
    SecondFactorSetup,
  ],
  templateUrl: './account.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPage {
  private readonly session = inject(SessionStore);

  protected readonly me = this.session.me;
  /** The API serves preferences only once a required second factor is set up. */
  protected readonly authenticated = this.session.isAuthenticated;
}
