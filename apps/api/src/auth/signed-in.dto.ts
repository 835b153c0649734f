import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type AuthUser, type Role } from '@hotline/auth';

/** The signed-in user (GET /auth/me, and in the sign-in answer), for the OpenAPI document. */
export class AuthUserDto implements AuthUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentCode: string | null;
  @ApiProperty({ type: [String], description: 'the grids a grid worker serves' }) gridCodes: string[];
}

/** POST /auth/login. */
export class SignedInDto {
  @ApiProperty({ description: 'the bearer token for the Authorization header' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ type: () => AuthUserDto }) user: AuthUserDto;
  @ApiProperty({
    description:
      'true: choose a new password first (POST /api/v1/auth/password); until then other routes answer 403 PasswordChangeRequired',
  })
  mustChangePassword: boolean;
}
