import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CategoryRef, ReferenceDataService } from '@hotline/reference';
import { CategoryNodeDto, DepartmentDto, GridDto } from './reference.dto';

/** Reference data every client needs to fill a form or draw a map. Any signed-in user may read it. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('api/v1')
export class ReferenceController {
  constructor(private readonly reference: ReferenceDataService) {}

  /** Departments in service (retired ones are left out). */
  @Get('departments')
  @ApiOkResponse({ type: [DepartmentDto] })
  async departments(): Promise<DepartmentDto[]> {
    const snapshot = await this.reference.current();
    return [...snapshot.departmentsById.values()]
      .filter((d) => d.active)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((d) => ({ id: d.id, code: d.code, name: d.name, nameEn: d.nameEn, type: d.type }));
  }

  /** The category tree (categories in use): `code`, `name`, `children`. */
  @Get('categories')
  @ApiOkResponse({ type: [CategoryNodeDto] })
  async categories(): Promise<CategoryNodeDto[]> {
    const snapshot = await this.reference.current();
    // Retired categories are left out: this tree is what a new case may be filed under.
    const all = [...snapshot.categoriesById.values()].filter((c) => c.active);
    const build = (parent: CategoryRef | null): CategoryNodeDto[] =>
      all
        .filter((c) => c.parentId === (parent?.id ?? null))
        .map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn, children: build(c) }));
    return build(null);
  }

  /** Grids with their community, street and GeoJSON boundary. */
  @Get('grids')
  @ApiOkResponse({ type: [GridDto] })
  async grids(): Promise<GridDto[]> {
    const snapshot = await this.reference.current();
    return [...snapshot.gridsById.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((g) => ({
        code: g.code,
        name: g.name,
        community: { code: g.community.code, name: g.community.name },
        street: { code: g.street.code, name: g.street.name },
        geometry: g.geometry,
      }));
  }
}
