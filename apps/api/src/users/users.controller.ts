import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, type AuditActor } from '@hotline/audit';
import { Roles } from '@hotline/auth';
import { PageQueryDto } from '../http/page-query.dto';
import { CreateUserDto, ListUsersDto, SignInPageDto, UpdateUserDto, UserDto, UserPageDto } from './users.dto';
import { UsersService } from './users.service';
import { SecondFactorService } from '../auth/second-factor.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/**
 * Users (admins only; issue 18's contract). A new user or a reset password must be changed at the next
 * sign-in; disabling a user, or changing their role, department, grids or password, ends their sessions.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() q: ListUsersDto): Promise<UserPageDto> {
    return this.users.list({ role: q.role, department: q.department, active: q.active }, q.page, q.pageSize);
  }

  /** One user's record; each read is written to the audit trail. */
  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  read(@Param('id', uuid) id: string, @Actor() actor: AuditActor): Promise<UserDto> {
    return this.users.read(id, actor);
  }

  /** The user's sign-in attempts (success or failure, address, browser), newest first; audited. */
  @Get(':id/sign-ins')
  @ApiOkResponse({ type: SignInPageDto })
  signIns(@Param('id', uuid) id: string, @Query() q: PageQueryDto, @Actor() actor: AuditActor): Promise<SignInPageDto> {
    return this.users.signIns(id, q.page, q.pageSize, actor);
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  create(@Body() body: CreateUserDto, @Actor() actor: AuditActor): Promise<UserDto> {
    return this.users.create(
      {
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        departmentCode: body.departmentCode ?? null,
        gridCodes: body.gridCodes ?? [],
        password: body.password,
      },
      actor,
    );
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  update(@Param('id', uuid) id: string, @Body() body: UpdateUserDto, @Actor() actor: AuditActor): Promise<UserDto> {
    return this.users.update(id, body, actor);
  }

  /**
   * Resets the user's second factor (a lost phone): the secret and recovery codes go and the user's
   * sessions end; a user whose role requires one enrols again at the next sign-in. Audited.
   */
  @Post(':id/second-factor/reset')
  @HttpCode(204)
  @ApiNoContentResponse()
  resetSecondFactor(@Param('id', uuid) id: string, @Actor() actor: AuditActor): Promise<void> {
    return this.secondFactor.reset(id, actor);
  }
}
