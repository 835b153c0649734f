import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { COORDINATE_SYSTEMS, type CoordinateSystem } from '@hotline/grid';
import { CASE_CHANNELS, CASE_KINDS, CASE_PRIORITIES } from '@hotline/cases';
import { normalizePhone, PHONE_PATTERN } from '@hotline/privacy';
import { CleanText } from '../http/text-rules';

/** 受理 form: what an operator logs for a call. Unknown fields are refused by the global pipe. */
export class CreateCaseDto {
  @ApiProperty({ enum: CASE_KINDS })
  @IsIn(CASE_KINDS, { message: `kind must be one of ${CASE_KINDS.join(', ')}` })
  kind: (typeof CASE_KINDS)[number];

  @ApiProperty({ example: 'heating.no-heat' })
  @IsString()
  @Length(1, 80)
  categoryCode: string;

  @ApiProperty({ enum: CASE_CHANNELS })
  @IsIn(CASE_CHANNELS, { message: `channel must be one of ${CASE_CHANNELS.join(', ')}` })
  channel: (typeof CASE_CHANNELS)[number];

  @ApiProperty({ enum: CASE_PRIORITIES })
  @IsIn(CASE_PRIORITIES, { message: `priority must be one of ${CASE_PRIORITIES.join(', ')}` })
  priority: (typeof CASE_PRIORITIES)[number];

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @CleanText()
  @Length(2, 200)
  title: string;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @CleanText()
  @Length(1, 5000)
  description: string;

  @ApiPropertyOptional({
    maxLength: 300,
    description:
      'what the caller said; required unless addressId is given. Without addressId, coordinates or communityCode it is placed only ' +
      'when it names one door (road + number) or building (compound + building) of the register exactly; otherwise 400 AddressNotPlaced ' +
      'with `candidates`, unless placeLater is true',
  })
  @ValidateIf((o: CreateCaseDto) => o.addressId === undefined || o.address !== undefined)
  @IsString()
  @CleanText()
  @Length(1, 300)
  address?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: '标准地址: an id of GET /api/v1/addresses; the case takes its label, point and grid',
  })
  @IsOptional()
  @IsUUID('all')
  addressId?: string;

  @ApiPropertyOptional({
    enum: COORDINATE_SYSTEMS,
    default: 'wgs84',
    description:
      'the system of lat/lng: gcj02 (高德, 腾讯, 微信) and bd09 (百度) are converted to WGS-84, which is what is stored',
  })
  @IsOptional()
  @IsIn(COORDINATE_SYSTEMS, { message: `coordinateSystem must be one of ${COORDINATE_SYSTEMS.join(', ')}` })
  coordinateSystem?: CoordinateSystem;

  @ApiPropertyOptional({
    description:
      'take the case in without a grid (待定位: a dispatcher places it) when the address text names no single register entry',
  })
  @IsOptional()
  @IsBoolean()
  placeLater?: boolean;

  @ApiPropertyOptional({ description: 'latitude (WGS-84 unless coordinateSystem says otherwise); must be inside the district' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ description: 'longitude (WGS-84 unless coordinateSystem says otherwise); must be inside the district' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng?: number;

  @ApiPropertyOptional({ description: 'places a case without coordinates', example: 'baiyun-01' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  communityCode?: string;

  @ApiProperty({ maxLength: 60 })
  @IsString()
  @CleanText()
  @Length(1, 60)
  callerName: string;

  @ApiProperty({ example: '13812345678' })
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizePhone(value) : value))
  @Matches(PHONE_PATTERN, { message: 'callerPhone must be a mobile (11 digits), a landline with area code, or a local number' })
  callerPhone: string;

  @ApiProperty()
  @IsBoolean()
  confidential: boolean;

  @ApiPropertyOptional({
    description: "企业诉求: the registered enterprise's 统一社会信用代码; required for kind enterpriseRequest",
    example: '91210203MA0YR8N31R',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  enterpriseUscc?: string;

  @ApiPropertyOptional({
    maxLength: 5000,
    description:
      '直接答复 on the call: the operator answers the consultation as it is taken in, in one transaction; the case is never routed. ' +
      'Allowed as for POST /api/v1/cases/{id}/direct-answer (operators, consultations): 403 or 409 otherwise, with nothing created.',
    example: '供暖期为11月1日至次年4月1日',
  })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  @CleanText()
  directAnswer?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      '重办 / follow-up: the closed case this call is about again. Allowed as a follow-up of that case is (operators and supervisors, ' +
      'within REPEAT_CALL_WINDOW_DAYS of its closing): 400 for an unknown case, 403 or 409 otherwise, with nothing created. ' +
      'The case records `followedUp` in its history and counts as repeat-called.',
  })
  @IsOptional()
  @IsUUID('4')
  followUpOf?: string;
}
