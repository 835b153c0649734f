export * from './roles';
export { hashPassword, verifyPassword } from './password';
export { Public, Roles, CurrentUser } from './auth.decorators';
export { AuthGuard } from './auth.guard';
