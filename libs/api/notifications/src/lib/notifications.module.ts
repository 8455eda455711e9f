import { Module } from '@nestjs/common';
import { MailDeliveryService } from './delivery/mail-delivery.service';
import { DigestService } from './digest/digest.service';
import { NoticesService } from './notices/notices.service';
import {
  MailDeliveriesController,
  MyNotificationsController,
} from './notifications.controller';
import { NotificationsProcessor } from './notifications.processor';
import { CompanyNoticesService } from './notify/company-notices.service';
import { NotifyService } from './notify/notify.service';
import { PreferencesService } from './preferences/preferences.service';

const services = [
  MailDeliveryService,
  NoticesService,
  NotifyService,
  CompanyNoticesService,
  PreferencesService,
  DigestService,
];

/** Notices and e-mail preferences over HTTP; the services the queue handlers use. */
@Module({
  controllers: [MyNotificationsController, MailDeliveriesController],
  providers: services,
  exports: services,
})
export class NotificationsModule {}

/** The notify, send and digest handlers, for the worker and for an API that runs its own. */
@Module({
  imports: [NotificationsModule],
  providers: [NotificationsProcessor],
})
export class NotificationsProcessorsModule {}
