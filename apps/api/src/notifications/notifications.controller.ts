import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { AuthUser, CurrentUser } from '@hotline/auth';
import { NotificationInboxService } from '@hotline/notify';
import { PageQueryDto } from '../http/page-query.dto';

export class ListNotificationsDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'only notifications nobody has read yet' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

/**
 * The in-app inbox: what the notify queue told the signed-in user, their department (department roles)
 * or their role (dispatchers, supervisors), newest first. Every role has one.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  list(@Query() query: ListNotificationsDto, @CurrentUser() user: AuthUser) {
    return this.inbox.list(user, { unreadOnly: query.unread === true, page: query.page, pageSize: query.pageSize });
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @CurrentUser() user: AuthUser) {
    return this.inbox.markRead(user, id);
  }
}
