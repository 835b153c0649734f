import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '@hotline/auth';
import { CasePlacingService, CaseQueryService } from '@hotline/cases';
import { COORDINATE_SYSTEMS, type CoordinateSystem } from '@hotline/grid';
import { CaseViewDto } from './case-view.dto';

export class PlaceCaseDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an id of GET /api/v1/addresses' })
  @IsOptional()
  @IsUUID('all')
  addressId?: string;

  @ApiPropertyOptional({ description: 'with lng, instead of addressId (a point picked on the map)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng?: number;

  @ApiPropertyOptional({ enum: COORDINATE_SYSTEMS, default: 'wgs84' })
  @IsOptional()
  @IsIn(COORDINATE_SYSTEMS, { message: `coordinateSystem must be one of ${COORDINATE_SYSTEMS.join(', ')}` })
  coordinateSystem?: CoordinateSystem;
}

/** 待定位: the dispatchers' queue is `GET /api/v1/cases?grid=_none`; this places one of its cases. */
@ApiTags('case actions')
@ApiBearerAuth()
@Controller('api/v1/cases/:id')
export class CasePlacingController {
  constructor(
    private readonly placing: CasePlacingService,
    private readonly query: CaseQueryService,
  ) {}

  /** 200 with the placed case; 409 when it has a grid already; 400 for an unknown address or a point outside the district. */
  @Post('place')
  @HttpCode(200)
  @Roles('dispatcher', 'supervisor', 'admin')
  @ApiOkResponse({ type: CaseViewDto })
  async place(
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() body: PlaceCaseDto,
    @CurrentUser() user: AuthUser,
  ) {
    await this.placing.place(id, body, { id: user.id, name: user.displayName, role: user.role });
    return this.query.get(id, user);
  }
}
