import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@portal/api-core';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  type MailDeliveryQuery,
  type NoticeQuery,
  type UpdateNotificationPreferencesRequest,
} from '@portal/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class NoticeQueryDto extends PageQueryDto implements NoticeQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  unreadOnly?: boolean;
}

export class MailDeliveryQueryDto
  extends PageQueryDto
  implements MailDeliveryQuery
{
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, {
    message: `[status.invalid] Use one of ${DELIVERY_STATUSES.join(', ')}`,
  })
  status?: DeliveryStatus;
}

export class UpdateNotificationPreferencesDto
  implements UpdateNotificationPreferencesRequest
{
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  statusChangeEmail?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  reminderEmail?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  dailyDigest?: boolean;
}
