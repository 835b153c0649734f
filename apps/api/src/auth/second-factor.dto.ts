import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { SignedInDto } from './signed-in.dto';

const CODE = /^\d{6}$/;
const CODE_RULE = 'code must be the 6 digits the authenticator app shows';

/** The first step's answer for a user with a second factor on. */
export class SecondFactorChallengeDto {
  @ApiProperty({ enum: [true] }) secondFactorRequired: true;
  @ApiProperty({ description: 'send it back with the code to POST /api/v1/auth/login/second-factor' }) challengeToken: string;
  @ApiProperty({ description: 'seconds the challenge stays valid' }) expiresIn: number;
}

/** POST /auth/login/second-factor: the challenge and exactly one of a code or a recovery code. */
export class SecondFactorLoginDto {
  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  challengeToken: string;

  @ApiPropertyOptional({ example: '123456' })
  @ValidateIf((o: SecondFactorLoginDto) => o.code !== undefined || o.recoveryCode === undefined)
  @Matches(CODE, { message: CODE_RULE })
  code?: string;

  @ApiPropertyOptional({ example: 'k7qm-2x9d-ab', description: 'one of the recovery codes, instead of a code; each works once' })
  @IsOptional()
  @ValidateIf((o: SecondFactorLoginDto) => o.code === undefined)
  @IsString()
  @Matches(/^[A-Za-z0-9 -]{10,20}$/, { message: 'recoveryCode must look like k7qm-2x9d-ab' })
  recoveryCode?: string;
}

export class SecondFactorCodeDto {
  @ApiProperty({ example: '123456' })
  @Matches(CODE, { message: CODE_RULE })
  code: string;
}

export class SecondFactorStatusDto {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ description: 'the user’s role must sign in with a second factor (SECOND_FACTOR_REQUIRED_ROLES)' })
  required: boolean;
  @ApiProperty() recoveryCodesLeft: number;
}

export class SecondFactorOfferDto {
  @ApiProperty({ description: 'Base32, for typing into an app by hand' }) secret: string;
  @ApiProperty({ description: 'otpauth:// URI: the data of the QR code an app scans' }) otpauthUri: string;
}

/** The confirmation's answer: the recovery codes (shown this once) and a new session (earlier ones ended). */
export class SecondFactorEnabledDto extends SignedInDto {
  @ApiProperty({ type: [String], description: 'one-time recovery codes, shown only now' }) recoveryCodes: string[];
}
