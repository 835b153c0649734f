import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ADDRESS_KINDS, MAX_ALIASES, MAX_SEARCH_LIMIT, type AddressKind } from '@hotline/addresses';
import { BoundedInt } from '../http/query-values';
import { CleanText } from '../http/text-rules';

export class AddressQueryDto {
  @ApiProperty({
    description: "the caller's words: parts of the address in any order, aliases, pinyin initials",
    example: '云峰 5号楼',
  })
  @IsString()
  @CleanText()
  @Length(1, 100)
  q: string;

  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: MAX_SEARCH_LIMIT })
  @IsOptional()
  @BoundedInt(1, MAX_SEARCH_LIMIT)
  limit = 10;
}

class CodeNameDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class AddressDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '锦绣小区5号楼' }) label: string;
  @ApiProperty({ type: CodeNameDto }) street: CodeNameDto;
  @ApiProperty({ type: CodeNameDto }) community: CodeNameDto;
  @ApiProperty({ type: CodeNameDto }) grid: CodeNameDto;
  @ApiProperty({ description: 'WGS-84' }) lat: number;
  @ApiProperty({ description: 'WGS-84' }) lng: number;
}

export class AddressPageDto {
  @ApiProperty({ type: [AddressDto] }) items: AddressDto[];
}

/** An admin's new address (标准地址). */
export class CreateAddressDto {
  @ApiProperty({ enum: ADDRESS_KINDS })
  @IsIn(ADDRESS_KINDS)
  kind: AddressKind;

  @ApiProperty({ example: '锦绣小区5号楼', description: 'as callers say it; a door ends with 号, a building with 号楼' })
  @IsString()
  @CleanText()
  @Length(1, 200)
  label: string;

  @ApiPropertyOptional({ type: [String], example: ['云峰新村5号楼'], description: 'other names callers use (an old name)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ALIASES)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  aliases?: string[];

  @ApiProperty({ description: 'WGS-84; with lng, inside the district' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ description: 'WGS-84' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng: number;

  @ApiPropertyOptional({ description: 'the grid the point must lie in; left out, the grid is the one the point lies in' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'gridCode must be a grid code' })
  gridCode?: string;

  @ApiPropertyOptional({ description: 'a stable code (made up when left out)', example: 'adm-jinxiu-5' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/, { message: 'code must be 2–80 lower-case letters, digits or hyphens' })
  code?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the live entry it belongs to (a building’s compound)' })
  @IsOptional()
  @IsUUID('4')
  parentId?: string;
}

/** A correction: any of the fields; a new point without gridCode takes the grid it lies in. */
export class UpdateAddressDto extends PartialType(OmitType(CreateAddressDto, ['code', 'parentId'] as const)) {}

export class RetireAddressDto {
  @ApiPropertyOptional({ example: '楼栋已拆除' })
  @IsOptional()
  @IsString()
  @CleanText()
  @Length(1, 500)
  reason?: string;
}

export class AdminAddressDto extends AddressDto {
  @ApiProperty() code: string;
  @ApiProperty({ enum: ADDRESS_KINDS }) kind: string;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) retiredAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: Date | null;
}
