import { ApiProperty } from '@nestjs/swagger';

/** The reference data as GET /departments, /categories and /grids answer it, for the OpenAPI document. */
export class DepartmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() type: string;
}

export class CategoryNodeDto {
  @ApiProperty({ example: 'heating.no-heat' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ type: () => [CategoryNodeDto] }) children: CategoryNodeDto[];
}

export class PlaceDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class GridGeometryDto {
  @ApiProperty({ enum: ['Polygon', 'MultiPolygon'] }) type: 'Polygon' | 'MultiPolygon';
  @ApiProperty({ type: 'array', items: {}, description: 'GeoJSON coordinates: rings of [longitude, latitude] (WGS 84)' })
  coordinates: unknown[];
}

export class GridDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: () => PlaceDto }) community: PlaceDto;
  @ApiProperty({ type: () => PlaceDto }) street: PlaceDto;
  @ApiProperty({ type: () => GridGeometryDto }) geometry: GridGeometryDto;
}
