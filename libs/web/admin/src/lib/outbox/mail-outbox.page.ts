import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MailDeliveriesSection } from './mail-deliveries-section';
import { MailOutboxSection } from './mail-outbox-section';

/**
 * The mail outbox page: the recorded deliveries, then the .eml files. The home page shows only
 * the .eml section, as before.
 */
@Component({
  selector: 'app-mail-outbox-page',
  imports: [MailDeliveriesSection, MailOutboxSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-mail-deliveries-section />
    <app-mail-outbox-section />
  `,
})
export class MailOutboxPage {}
