import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@hotline/auth';
import { CaseIntakeService, CaseQueryService } from '@hotline/cases';
import { CreateCaseDto } from './create-case.dto';
import { ListCasesDto } from './list-cases.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly query: CaseQueryService,
  ) {}

  /** 受理: answers 201 once the case is stored; routing follows in the worker. */
  @Post()
  @Roles('operator', 'dispatcher', 'supervisor', 'admin', 'gridWorker')
  async create(@Body() body: CreateCaseDto, @CurrentUser() user: AuthUser) {
    const id = await this.intake.receive(body, { id: user.id, name: user.displayName, role: user.role });
    return this.query.get(id, user);
  }

  /** The inbox: every role sees only its scope (a department its own cases, a grid worker its grids). */
  @Get()
  list(@Query() q: ListCasesDto, @CurrentUser() user: AuthUser) {
    return this.query.list(
      {
        status: q.status,
        departmentCode: q.department,
        categoryCode: q.category,
        streetCode: q.street,
        communityCode: q.community,
        gridCode: q.grid,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        text: q.text,
        page: q.page,
        pageSize: q.pageSize,
      },
      user,
    );
  }

  @Get(':id')
  get(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser) {
    return this.query.get(id, user);
  }

  /** The history, oldest first. */
  @Get(':id/events')
  events(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser) {
    return this.query.events(id, user);
  }
}
