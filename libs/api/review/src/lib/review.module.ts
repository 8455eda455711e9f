import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@portal/api-applications';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import {
  ExpertProfileController,
  ExpertsController,
} from './experts/experts.controller';
import { ExpertsService } from './experts/experts.service';
import { BatchActionsService } from './inbox/batch-actions.service';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { PublicNoticesController } from './notices/public-notices.controller';
import { PublicNoticesService } from './notices/public-notices.service';
import { VoucherSettlementsController } from './settlements/voucher-settlements.controller';
import { VoucherSettlementsService } from './settlements/voucher-settlements.service';

const services = [
  BatchActionsService,
  CalendarService,
  ExpertsService,
  InboxService,
  PublicNoticesService,
  VoucherSettlementsService,
];

/**
 * What the bureau works: the inbox, expert panels, public notices, the holiday calendar, the
 * cities' monthly voucher settlements.
 */
@Module({
  imports: [ApplicationsModule],
  controllers: [
    InboxController,
    ExpertsController,
    ExpertProfileController,
    PublicNoticesController,
    CalendarController,
    VoucherSettlementsController,
  ],
  providers: services,
  exports: [...services, ApplicationsModule],
})
export class ReviewModule {}
