import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ChangeMemberRoleRequest,
  LANGUAGES,
  type Language,
} from '@portal/contracts';
import { COMPANY_ROLES, type CompanyRole } from '@portal/domain';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  IsAcceptablePassword,
  IsMainlandMobile,
  IsRegionCode,
  IsUscc,
} from './validators';

const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;
const lowerTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class RegisterDto {
  @ApiProperty({ example: '嘉善安泰生物科技有限公司' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Enter the company name' })
  @MaxLength(200)
  companyName!: string;

  @ApiProperty({
    example: '91330421MA0000010X',
    description: 'Unified social credit code, 18 half-width characters',
  })
  @Transform(({ value }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsUscc()
  creditCode!: string;

  @ApiProperty({
    example: '330421',
    description: 'County code (GB/T 2260) from GET /api/regions',
  })
  @IsRegionCode()
  regionCode!: string;

  @ApiProperty({ example: '王建国' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Enter the contact person' })
  @MaxLength(100)
  contactName!: string;

  @ApiProperty({ example: 'contact@example.com' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: '[email.invalid] Enter a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: '13812345678' })
  @Transform(trim)
  @IsMainlandMobile()
  phone!: string;

  @ApiProperty({
    description:
      'At least 12 characters, 3 of 4 character classes, not a common password',
  })
  @IsAcceptablePassword('email')
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({
    example: '2016-05-01',
    description:
      'Founding date on the business licence (YYYY-MM-DD); not after today',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d\d-\d\d$/, {
    message: '[date.invalid] Use a date like 2016-05-01',
  })
  foundedOn?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class LoginDto {
  @ApiProperty()
  @Transform(lowerTrim)
  @IsString()
  @IsNotEmpty({ message: 'Enter your e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter your password' })
  @MaxLength(200)
  password!: string;
}

export class SecondFactorDto {
  @ApiProperty({ example: '123456' })
  @Transform(trim)
  @Matches(/^\d{6}$/, {
    message: '[code.format] Enter the 6-digit code from your authenticator app',
  })
  code!: string;
}

/** Re-enrolment with a factor active: the current code, or else the password. */
export class StartEnrolmentDto {
  @ApiPropertyOptional({ example: '123456' })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\d{6}$/, {
    message: '[code.format] Enter the 6-digit code from your authenticator app',
  })
  currentCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'Enter your password' })
  @MaxLength(200)
  password?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter your current password' })
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({
    description:
      'At least 12 characters, 3 of 4 character classes, not a common password',
  })
  @IsString()
  @IsNotEmpty({ message: 'Enter a new password' })
  @MaxLength(200)
  newPassword!: string;
}

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'contact@example.com' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: '[email.invalid] Enter a valid e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class CompletePasswordResetDto {
  @ApiProperty({ description: 'The token from the link in the reset mail' })
  @IsString()
  @IsNotEmpty({ message: 'Open the link from the e-mail again' })
  @MaxLength(200)
  token!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter a new password' })
  @MaxLength(200)
  password!: string;
}

export class InvitationTokenDto {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @IsNotEmpty({ message: 'Open the link from the e-mail again' })
  @MaxLength(200)
  token!: string;
}

export class AcceptInvitationDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Enter your name' })
  @MaxLength(100)
  name!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter a password' })
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class InviteMemberDto {
  @ApiProperty()
  @Transform(lowerTrim)
  @IsEmail({}, { message: '[email.invalid] Enter a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ['enterprise_member', 'enterprise_admin'] })
  @IsIn(['enterprise_member', 'enterprise_admin'])
  role!: 'enterprise_member' | 'enterprise_admin';
}

export class ChangeMemberRoleDto implements ChangeMemberRoleRequest {
  @ApiProperty({ enum: COMPANY_ROLES })
  @IsIn(COMPANY_ROLES, {
    message: '[role.invalid] Choose administrator or member',
  })
  role!: CompanyRole;
}

/** The contact fields a company's administrator may change online (nothing the county verified). */
export class UpdateCompanyContactDto {
  @ApiProperty({ example: '王建国' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Enter the contact person' })
  @MaxLength(100)
  contactName!: string;

  @ApiProperty({ example: '13812345678' })
  @Transform(trim)
  @IsMainlandMobile()
  contactPhone!: string;

  @ApiProperty({ example: 'contact@example.com' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: '[email.invalid] Enter a valid e-mail address' })
  @MaxLength(254)
  contactEmail!: string;
}

export class VerificationDecisionDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class CompanyListQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'verified', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'verified', 'rejected'])
  status?: 'pending' | 'verified' | 'rejected';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsIn(Array.from({ length: 100 }, (_, i) => i + 1), {
    message: '[limit.range] limit must be 1 to 100',
  })
  limit?: number;
}
