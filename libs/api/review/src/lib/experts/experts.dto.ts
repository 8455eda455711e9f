import { ApiProperty } from '@nestjs/swagger';
import type {
  DeclareConflictsRequest,
  ObjectionRequest,
  ScoreRequest,
  StartNoticeRequest,
} from '@portal/contracts';
import type { ExpertScore } from '@portal/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';

export class ScoreDto implements ScoreRequest {
  @ApiProperty({
    description:
      "Points per part of the programme's rubric (high-tech: ip, transformation, rd_management, growth, standard_bonus)",
  })
  @IsObject()
  score!: ExpertScore;

  @ApiProperty({ description: 'The expert opinion (评审意见)' })
  @IsString()
  @Length(10, 4000, {
    message: '[opinion.length] Write an opinion of 10 to 4000 characters',
  })
  opinion!: string;
}

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

export class DeclareConflictsDto implements DeclareConflictsRequest {
  @ApiProperty({
    type: [String],
    description: 'Organisations the expert must never be drawn for',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true })
  organisationIds!: string[];
}
