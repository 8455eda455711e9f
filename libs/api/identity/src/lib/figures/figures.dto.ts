import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HIGH_TECH_FIELDS, type HighTechField } from '@portal/domain';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const MAX_YUAN = 1_000_000_000_000_000;
const Money = () => (target: object, key: string) => {
  ApiProperty({ description: 'whole CNY yuan', minimum: 0 })(target, key);
  IsInt({ message: '[not_integer] Enter whole yuan' })(target, key);
  Min(0, { message: '[too_small] Cannot be negative' })(target, key);
  Max(MAX_YUAN, { message: '[too_large] Too large' })(target, key);
};
const Count = () => (target: object, key: string) => {
  ApiProperty({ minimum: 0 })(target, key);
  IsInt({ message: '[not_integer] Enter a whole number' })(target, key);
  Min(0, { message: '[too_small] Cannot be negative' })(target, key);
  Max(10_000_000, { message: '[too_large] Too large' })(target, key);
};

export class IpCountsDto {
  @Count() classOne!: number;
  @Count() classTwo!: number;
}

export class YearFiguresDto {
  @Money() totalRevenue!: number;
  @Money() salesRevenue!: number;
  @Money() highTechRevenue!: number;
  @Money() rdExpense!: number;
  @Money() rdExpenseDomestic!: number;
  @Count() staff!: number;
  @Count() scienceTechStaff!: number;
  @Money() netAssets!: number;
  @Money() totalAssets!: number;
  @Money() totalCosts!: number;

  @ApiProperty({ type: IpCountsDto })
  @ValidateNested()
  @Type(() => IpCountsDto)
  ip!: IpCountsDto;
}

const ISO_DATE = /^\d{4}-\d\d-\d\d$/;

export class HighTechSelfCheckDto {
  @ApiProperty({ example: '2019-05-10' })
  @Matches(ISO_DATE, { message: '[date.invalid] Use a date like 2019-05-10' })
  registeredOn!: string;

  @ApiProperty({ enum: HIGH_TECH_FIELDS, nullable: true })
  @IsOptional()
  @IsIn(HIGH_TECH_FIELDS)
  field!: HighTechField | null;

  @ApiProperty()
  @IsBoolean()
  majorIncidentLastYear!: boolean;

  @ApiPropertyOptional({ example: '2026-06-01' })
  @IsOptional()
  @Matches(ISO_DATE, { message: '[date.invalid] Use a date like 2026-06-01' })
  applicationDate?: string;
}
