export { GridIndex } from './grid-index';
export type { GridShape } from './grid-index';
