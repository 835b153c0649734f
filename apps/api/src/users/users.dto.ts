import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, type Role } from '@hotline/auth';
import { PageQueryDto } from '../http/page-query.dto';
import { CleanText } from '../http/text-rules';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const USERNAME_RULE =
  'username must be 2–64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit';
const PASSWORD_DESCRIPTION = `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, not containing the username, not a known weak password`;

export class ListUsersDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'department code' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  department?: string;

  @ApiPropertyOptional({ description: 'true: active users only; false: disabled ones only' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ example: 'staff-heating-2' })
  @Matches(USERNAME, { message: USERNAME_RULE })
  username: string;

  @ApiProperty({ example: '供热办公室承办人二' })
  @IsString()
  @CleanText()
  @Length(1, 120)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ description: 'required for departmentStaff and departmentLead, absent otherwise' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  departmentCode?: string;

  @ApiPropertyOptional({ type: [String], description: 'the grids a grid worker serves (grid workers only)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  gridCodes?: string[];

  @ApiProperty({ description: `${PASSWORD_DESCRIPTION}; the user must change it at the first sign-in` })
  @IsString()
  @Length(1, 1000)
  password: string;
}

/** Any of the fields of a new user, and `active`; `departmentCode: null` removes the department. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(USERNAME, { message: USERNAME_RULE })
  username?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @CleanText()
  @Length(1, 120)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_o, value) => value !== undefined && value !== null)
  @IsString()
  @Length(1, 64)
  departmentCode?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  gridCodes?: string[];

  @ApiPropertyOptional({
    description: `a reset by the admin: ${PASSWORD_DESCRIPTION}; the user must change it at the next sign-in`,
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  password?: string;

  @ApiPropertyOptional({ description: 'false disables the user: every session ends at once' })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true }) departmentCode: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentName: string | null;
  @ApiProperty({ type: [String] }) gridCodes: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'the user must choose a new password at the next sign-in' }) mustChangePassword: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) passwordChangedAt: Date | null;
  @ApiProperty({ description: 'a second factor (TOTP) is on; an admin can reset it' }) secondFactorEnabled: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ChangePasswordDto {
  @ApiProperty({ description: 'the password now' })
  @IsString()
  @Length(1, 1000)
  current: string;

  @ApiProperty({ description: PASSWORD_DESCRIPTION })
  @IsString()
  @Length(1, 1000)
  new: string;
}

export class SignInRecordDto {
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ enum: ['success', 'failure'] }) outcome: string;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
}

export class SignInPageDto {
  @ApiProperty({ type: [SignInRecordDto] }) items: SignInRecordDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
