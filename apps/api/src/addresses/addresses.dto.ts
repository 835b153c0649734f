import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { MAX_SEARCH_LIMIT } from '@hotline/addresses';
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
