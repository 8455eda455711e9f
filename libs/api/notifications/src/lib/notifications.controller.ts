import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import type {
  MailDeliveryPage,
  MailDeliveryStats,
  NoticePage,
  NotificationPreferencesView,
  UnreadNotices,
} from '@portal/contracts';
import { MailDeliveryService } from './delivery/mail-delivery.service';
import { NoticesService } from './notices/notices.service';
import {
  MailDeliveryQueryDto,
  NoticeQueryDto,
  UpdateNotificationPreferencesDto,
} from './notifications.dto';
import { PreferencesService } from './preferences/preferences.service';

const uuid = new ParseUUIDPipe({ version: '4' });
const DAY_MS = 86_400_000;

/** Every signed-in user's own notices (the bell) and e-mail preferences. */
@ApiTags('notifications')
@Controller('me')
export class MyNotificationsController {
  constructor(
    private readonly notices: NoticesService,
    private readonly preferences: PreferencesService,
  ) {}

  @Get('notices')
  page(
    @CurrentActor() actor: Actor,
    @Query() query: NoticeQueryDto,
  ): Promise<NoticePage> {
    return this.notices.page(actor.userId, query);
  }

  @Get('notices/unread-count')
  async unread(@CurrentActor() actor: Actor): Promise<UnreadNotices> {
    return { unread: await this.notices.unread(actor.userId) };
  }

  @Post('notices/read-all')
  @HttpCode(204)
  readAll(@CurrentActor() actor: Actor): Promise<void> {
    return this.notices.markAllRead(actor.userId);
  }

  @Post('notices/:id/read')
  @HttpCode(204)
  read(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<void> {
    return this.notices.markRead(actor.userId, id);
  }

  @Get('notification-preferences')
  preferencesOf(
    @CurrentActor() actor: Actor,
  ): Promise<NotificationPreferencesView> {
    return this.preferences.view(actor);
  }

  @Put('notification-preferences')
  updatePreferences(
    @CurrentActor() actor: Actor,
    @Body() body: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesView> {
    return this.preferences.update(actor, body);
  }
}

/** The platform operator's view of the e-mail pipeline: failures, retries, figures. */
@ApiTags('admin')
@Controller('admin/mail-deliveries')
export class MailDeliveriesController {
  constructor(private readonly delivery: MailDeliveryService) {}

  @RequirePermission('mail.outbox.read')
  @Get()
  list(@Query() query: MailDeliveryQueryDto): Promise<MailDeliveryPage> {
    return this.delivery.list(query);
  }

  @RequirePermission('mail.outbox.read')
  @Get('stats')
  stats(): Promise<MailDeliveryStats> {
    return this.delivery.stats(new Date(Date.now() - DAY_MS));
  }

  @RequirePermission('mail.outbox.manage')
  @Post(':id/retry')
  @HttpCode(204)
  retry(@Param('id', uuid) id: string): Promise<void> {
    return this.delivery.retry(id);
  }
}
