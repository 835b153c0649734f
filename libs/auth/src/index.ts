export * from './roles';
export { hashPassword, verifyPassword } from './password';
export { Public, Roles, CurrentUser, PUBLIC_ROUTE } from './auth.decorators';
export { AuthGuard } from './auth.guard';
