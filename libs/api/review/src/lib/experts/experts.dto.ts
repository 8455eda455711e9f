import { ApiProperty } from '@nestjs/swagger';
import type { DeclareConflictsRequest, ScoreRequest } from '@portal/contracts';
import type { ExpertScore } from '@portal/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsString,
  IsUUID,
  Length,
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
