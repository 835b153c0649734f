import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { ENTERPRISE_INDUSTRIES, normalizeUscc } from '@hotline/enterprises';
import { normalizePhone, PHONE_PATTERN } from '@hotline/privacy';
import { CleanText } from '../http/text-rules';

const toPhone = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalizePhone(value) : value);

export class CreateEnterpriseDto {
  @ApiProperty({ description: '统一社会信用代码 (GB 32100-2015, check character verified)', example: '91210203MA0YR8N31R' })
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeUscc(value) : value))
  @Length(1, 40)
  uscc: string;

  @ApiProperty({ example: '大连西岗示范科技有限公司' })
  @IsString()
  @CleanText()
  @Length(2, 200)
  name: string;

  @ApiProperty({ enum: ENTERPRISE_INDUSTRIES })
  @IsIn(ENTERPRISE_INDUSTRIES, { message: `industry must be one of ${ENTERPRISE_INDUSTRIES.join(', ')}` })
  industry: string;

  @ApiPropertyOptional({ description: 'street (街道) code', example: 'baiyun' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  streetCode?: string;

  @ApiProperty({ example: '李经理' })
  @IsString()
  @CleanText()
  @Length(1, 60)
  contactName: string;

  @ApiProperty({ example: '13912345678' })
  @IsString()
  @Transform(toPhone)
  @Matches(PHONE_PATTERN, { message: 'contactPhone must be a mobile (11 digits), a landline with area code, or a local number' })
  contactPhone: string;

  @ApiPropertyOptional({ description: "包联领导 / 服务专员: the user told of the enterprise's requests" })
  @IsOptional()
  @IsUUID('4')
  responsibleUserId?: string;
}

export class UpdateEnterpriseDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @CleanText() @Length(2, 200) name?: string;

  @ApiPropertyOptional({ enum: ENTERPRISE_INDUSTRIES })
  @IsOptional()
  @IsIn(ENTERPRISE_INDUSTRIES, { message: `industry must be one of ${ENTERPRISE_INDUSTRIES.join(', ')}` })
  industry?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) streetCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @CleanText() @Length(1, 60) contactName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Transform(toPhone)
  @Matches(PHONE_PATTERN, { message: 'contactPhone must be a mobile (11 digits), a landline with area code, or a local number' })
  contactPhone?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null removes the responsible person' })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsUUID('4')
  responsibleUserId?: string | null;
}
