import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CleanText } from '../http/text-rules';

export class CreateOpen311ClientDto {
  @ApiProperty({ description: 'names the channel of its cases (open311:<code>)', example: 'wechat-city' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,23}$/, { message: 'code must be 2–24 lower-case letters, digits or hyphens' })
  code: string;

  @ApiProperty({ example: '城市服务小程序' })
  @IsString()
  @CleanText()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ description: 'POST requests a minute with this key', default: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  rateLimitPerMinute?: number;
}

export class UpdateOpen311ClientDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @CleanText()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  rateLimitPerMinute?: number;
}
