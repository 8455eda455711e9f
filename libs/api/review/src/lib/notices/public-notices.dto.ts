import { ApiProperty } from '@nestjs/swagger';
import type { ObjectionRequest, StartNoticeRequest } from '@portal/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';

export class NoticeApplicationDto {
  @ApiProperty()
  @IsUUID('4')
  id!: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version!: number;
}

export class StartNoticeDto implements StartNoticeRequest {
  @ApiProperty({ type: [NoticeApplicationDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => NoticeApplicationDto)
  applications!: NoticeApplicationDto[];
}

export class ObjectionDto implements ObjectionRequest {
  @ApiProperty({
    description: 'Objections are lodged under a real name (实名)',
  })
  @IsString()
  @Length(2, 100, { message: '[real_name.length] Give your real name' })
  realName!: string;

  @ApiProperty()
  @IsString()
  @Length(10, 4000, {
    message:
      '[reasons.length] State the reasons and facts (10 to 4000 characters)',
  })
  reasons!: string;
}
