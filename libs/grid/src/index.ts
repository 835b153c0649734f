export { GridIndex } from './grid-index';
export type { GridShape } from './grid-index';
export { COORDINATE_SYSTEMS, toWgs84 } from './coordinate-systems';
export type { CoordinateSystem } from './coordinate-systems';
