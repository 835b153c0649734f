import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, type AuditActor } from '@hotline/audit';
import { Roles } from '@hotline/auth';
import { RoutingAdminService, RoutingRulesService, storedRule, type ProposedRuleSet } from '@hotline/routing';
import { CategoriesAdminService } from './categories-admin.service';
import { DepartmentsAdminService } from './departments-admin.service';
import {
  CategoryAdminDto,
  CreateCategoryDto,
  CreateDepartmentDto,
  DepartmentAdminDto,
  MergeDepartmentDto,
  PreviewRuleSetDto,
  RetireDepartmentDto,
  RollbackDto,
  RuleSetBodyDto,
  RuleSetPreviewDto,
  RuleSetVersionDto,
  SaveRuleSetDto,
  UpdateCategoryDto,
  UpdateDepartmentDto,
} from './reference-admin.dto';
import { IntParamPipe } from '../http/int-param.pipe';

const version = new IntParamPipe();

/**
 * Departments (admins only). The reference routes every client reads (GET /api/v1/departments,
 * /categories) keep their shape and list what is in service; these show retired ones too.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/admin/departments')
export class DepartmentsAdminController {
  constructor(private readonly departments: DepartmentsAdminService) {}

  @Get()
  @ApiOkResponse({ type: [DepartmentAdminDto] })
  list(): Promise<DepartmentAdminDto[]> {
    return this.departments.list();
  }

  @Post()
  @ApiCreatedResponse({ type: DepartmentAdminDto })
  create(@Body() body: CreateDepartmentDto, @Actor() actor: AuditActor): Promise<DepartmentAdminDto> {
    return this.departments.create({ code: body.code, name: body.name, nameEn: body.nameEn, type: body.type }, actor);
  }

  /** Rename (or re-type): cases and figures follow, since they hold the department's id. */
  @Patch(':code')
  @ApiOkResponse({ type: DepartmentAdminDto })
  update(
    @Param('code') code: string,
    @Body() body: UpdateDepartmentDto,
    @Actor() actor: AuditActor,
  ): Promise<DepartmentAdminDto> {
    return this.departments.update(code, body, actor);
  }

  /** 409 while open cases, active users or routing rules still name it (merge it instead). */
  @Post(':code/retire')
  @HttpCode(200)
  @ApiOkResponse({ type: DepartmentAdminDto })
  retire(
    @Param('code') code: string,
    @Body() body: RetireDepartmentDto,
    @Actor() actor: AuditActor,
  ): Promise<DepartmentAdminDto> {
    return this.departments.retire(code, body.reason, actor);
  }

  /** Moves its open cases (with events), users and rules to `into`, and retires it, in one change. */
  @Post(':code/merge')
  @HttpCode(200)
  @ApiOkResponse({ type: DepartmentAdminDto })
  merge(@Param('code') code: string, @Body() body: MergeDepartmentDto, @Actor() actor: AuditActor): Promise<DepartmentAdminDto> {
    return this.departments.merge(code, body.into, body.reason, actor);
  }
}

/** The category tree, retired categories included (admins only). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/admin/categories')
export class CategoriesAdminController {
  constructor(private readonly categories: CategoriesAdminService) {}

  @Get()
  @ApiOkResponse({ type: [CategoryAdminDto] })
  list(): Promise<CategoryAdminDto[]> {
    return this.categories.list();
  }

  /** 409 when no rule would route it and `toDispatcher` does not acknowledge that. */
  @Post()
  @ApiCreatedResponse({ type: CategoryAdminDto })
  create(@Body() body: CreateCategoryDto, @Actor() actor: AuditActor): Promise<CategoryAdminDto> {
    return this.categories.create(
      {
        code: body.code,
        name: body.name,
        nameEn: body.nameEn,
        parentCode: body.parentCode ?? null,
        toDispatcher: body.toDispatcher ?? false,
      },
      actor,
    );
  }

  /** Rename and/or move (`parentCode`; null: to the top level). */
  @Patch(':code')
  @ApiOkResponse({ type: CategoryAdminDto })
  update(@Param('code') code: string, @Body() body: UpdateCategoryDto, @Actor() actor: AuditActor): Promise<CategoryAdminDto> {
    return this.categories.update(
      code,
      { name: body.name, nameEn: body.nameEn, parentCode: body.parentCode, toDispatcher: body.toDispatcher ?? false },
      actor,
    );
  }

  /** 409 while routing rules name it or a category under it. */
  @Post(':code/retire')
  @HttpCode(200)
  @ApiOkResponse({ type: CategoryAdminDto })
  retire(@Param('code') code: string, @Actor() actor: AuditActor): Promise<CategoryAdminDto> {
    return this.categories.retire(code, actor);
  }
}

function proposed(body: RuleSetBodyDto): ProposedRuleSet {
  return { rules: body.rules.map(storedRule), dispatcherCategories: body.dispatcherCategories };
}

/** Routing rules as versioned sets: the set in force, its versions, a new version, a rollback, a preview. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/admin/routing-rules')
export class RoutingRulesAdminController {
  constructor(
    private readonly routing: RoutingAdminService,
    private readonly rules: RoutingRulesService,
  ) {}

  /** The latest version (the rules in force). */
  @Get()
  @ApiOkResponse({ type: RuleSetVersionDto })
  async current(): Promise<RuleSetVersionDto> {
    const [latest] = await this.routing.versions();
    return latest;
  }

  /** Saves the whole set as the next version; 400 with every problem when the set is invalid (nothing changes). */
  @Put()
  @ApiOkResponse({ type: RuleSetVersionDto })
  save(@Body() body: SaveRuleSetDto, @Actor() actor: AuditActor): Promise<RuleSetVersionDto> {
    return this.routing.save(proposed(body), body.reason, actor);
  }

  /** Which rule routes the sample, now and with the proposed set, and which recent cases would go elsewhere. */
  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: RuleSetPreviewDto })
  preview(@Body() body: PreviewRuleSetDto): Promise<RuleSetPreviewDto> {
    return this.routing.preview(proposed(body), body.sample ?? null);
  }

  @Get('versions')
  @ApiOkResponse({ type: [RuleSetVersionDto] })
  versions(): Promise<RuleSetVersionDto[]> {
    return this.routing.versions();
  }

  @Get('versions/:version')
  @ApiOkResponse({ type: RuleSetVersionDto })
  version(@Param('version', version) n: number): Promise<RuleSetVersionDto> {
    return this.routing.version(n);
  }

  /** Restores an old version as a new one (checked like any set; history stays as it was). */
  @Post('versions/:version/rollback')
  @HttpCode(200)
  @ApiOkResponse({ type: RuleSetVersionDto })
  rollback(
    @Param('version', version) n: number,
    @Body() body: RollbackDto,
    @Actor() actor: AuditActor,
  ): Promise<RuleSetVersionDto> {
    return this.routing.rollback(n, body.reason, actor);
  }
}
