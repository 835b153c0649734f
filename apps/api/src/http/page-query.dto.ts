import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { BoundedInt } from './query-values';

/** The largest page anyone may ask for: past it, OFFSET only makes the database count rows for nothing. */
export const MAX_PAGE = 100_000;
export const MAX_PAGE_SIZE = 100;

/** `page` and `pageSize` of every paged list, with the same bounds everywhere. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @BoundedInt(1, MAX_PAGE)
  page = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @BoundedInt(1, MAX_PAGE_SIZE)
  pageSize = 20;
}
