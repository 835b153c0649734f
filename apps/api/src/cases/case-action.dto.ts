import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, Length } from 'class-validator';

/** 派单: the lead department (主办) and optional assisting ones (协办). */
export class DispatchCaseDto {
  @ApiProperty({ example: 'heating' })
  @IsString()
  @Length(1, 64)
  leadDepartmentCode: string;

  @ApiPropertyOptional({ type: [String], example: ['street-baiyun'] })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  assistingDepartmentCodes: string[] = [];
}
