import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '@portal/web-data-access';
import { RoleLabelPipe } from '@portal/web-i18n';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTableModule } from 'ng-zorro-antd/table';
import { SecondFactorSetup } from './second-factor-setup';

/** The user's profile, memberships and second factor. */
@Component({
  selector: 'app-account-page',
  imports: [
    TranslatePipe,
    NzDescriptionsModule,
    NzTableModule,
    RoleLabelPipe,
    DataKitStyles,
    FormKitStyles,
    SecondFactorSetup,
  ],
  templateUrl: './account.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPage {
  protected readonly me = inject(SessionStore).me;
}
