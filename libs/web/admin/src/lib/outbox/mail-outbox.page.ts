import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { PortalClockStore, SessionStore } from '@portal/web-data-access';
import { DevClockSection } from '../clock/dev-clock-section';
import { MailDeliveriesSection } from './mail-deliveries-section';
import { MailOutboxSection } from './mail-outbox-section';

/**
 * The mail outbox page: the recorded deliveries, then the .eml files. The home page shows only
 * the .eml section, as before. Where the API allows it (never in production), the system
 * administrator's development clock comes first: it is the platform operator's other tool.
 */
@Component({
  selector: 'app-mail-outbox-page',
  imports: [DevClockSection, MailDeliveriesSection, MailOutboxSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (showClock()) {
      <app-dev-clock-section />
    }
    <app-mail-deliveries-section />
    <app-mail-outbox-section />
  `,
})
export class MailOutboxPage {
  private readonly session = inject(SessionStore);
  private readonly clock = inject(PortalClockStore).clock;

  protected readonly showClock = computed(
    () => this.session.can('clock.move') && this.clock()?.movable === true,
  );
}
