import { Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { bearerToken, Roles, SessionVerifier } from '@hotline/auth';
import { Unauthenticated } from '@hotline/errors';
import { QueueBoardTokens } from './queue-board-tokens';

@ApiTags('queue board')
@ApiBearerAuth()
@Controller('api/v1/queue-board')
export class QueueBoardController {
  constructor(
    private readonly sessions: SessionVerifier,
    private readonly tokens: QueueBoardTokens,
  ) {}

  /**
   * Opens the queue board at /admin/queues in this browser: 204 with a cookie for that path only, valid
   * 15 minutes and no longer than this session. Admins get the board, supervisors a read-only one.
   */
  @Post('session')
  @HttpCode(204)
  @Roles('admin', 'supervisor')
  @ApiNoContentResponse({ description: 'Set-Cookie: hotline_queue_board=…; Path=/admin/queues; HttpOnly; SameSite=Strict' })
  async open(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) response: Response) {
    const token = bearerToken(authorization);
    if (!token) throw new Unauthenticated('Sign in first');
    response.setHeader('Set-Cookie', await this.tokens.cookieFor(await this.sessions.verify(token)));
  }
}
