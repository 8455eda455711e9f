import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CreateSettlementRequest,
  SettlementCaseRequest,
} from '@portal/contracts';
import type { VoucherPayeeKind } from '@portal/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const CITY = /^\d{4}00$/;
const CITY_MESSAGE =
  '[city.format] Use the six-digit code of a city (e.g. 330400)';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_MESSAGE = '[month.format] Use the month as YYYY-MM (e.g. 2026-05)';
const PAYEES: readonly VoucherPayeeKind[] = ['company', 'provider'];

export class CityQueryDto {
  @ApiProperty({ example: '330400' })
  @IsString()
  @Matches(CITY, { message: CITY_MESSAGE })
  cityCode!: string;
}

export class CityMonthQueryDto extends CityQueryDto {
  @ApiProperty({ example: '2026-05' })
  @IsString()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  month!: string;
}

export class SettlementCaseDto implements SettlementCaseRequest {
  @ApiProperty()
  @IsUUID('4', { message: '[application.id] Name the case by its id' })
  applicationId!: string;

  @ApiProperty({ description: 'The version listed in the month' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: PAYEES, description: 'Default: the company' })
  @IsOptional()
  @IsIn(PAYEES, {
    message: '[payee.kind] Pay the company or its service provider',
  })
  payeeKind?: VoucherPayeeKind;

  @ApiPropertyOptional({
    description: 'When given, it must equal the approved amount',
  })
  @IsOptional()
  @IsInt({ message: '[amount.integer] Give the amount in whole yuan' })
  @Min(1)
  @Max(500_000)
  amountYuan?: number;
}

export class CreateSettlementDto implements CreateSettlementRequest {
  @ApiProperty({ example: '330400' })
  @IsString()
  @Matches(CITY, { message: CITY_MESSAGE })
  cityCode!: string;

  @ApiProperty({ example: '2026-05' })
  @IsString()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  month!: string;

  @ApiProperty({ example: '2026-06-05' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, {
    message: '[date.format] Give the payment date as YYYY-MM-DD',
  })
  paidOn!: string;

  @ApiProperty({
    example: 'GK2026060500123',
    description: "The bank transfer's number",
  })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9\-_/.]{3,63}$/, {
    message:
      "[payment_reference.format] Give the bank transfer's number (4 to 64 letters, digits, - _ / .)",
  })
  paymentReference!: string;

  @ApiProperty({ type: [SettlementCaseDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '[cases.empty] Name at least one case to pay' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SettlementCaseDto)
  cases!: SettlementCaseDto[];
}
