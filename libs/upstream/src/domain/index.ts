export * from './platforms';
export * from './signature';
export * from './reports';
export * from './delivery';
export * from './deadlines';
export * from './categories';
export * from './decisions';
