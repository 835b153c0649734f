import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthGuard, IdleSessions, SessionStates, SessionVerifier, TOKEN_ALGORITHM, TOKEN_ISSUER, tokenKey } from '@hotline/auth';
import { AppConfig } from '@hotline/config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SecondFactorController } from './second-factor.controller';
import { SecondFactorService } from './second-factor.service';
import { SignInChallenges } from './sign-in-challenges';
import { SignInLockout } from './sign-in-lockout';

@Module({
  imports: [
    JwtModule.registerAsync({
      global: true,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: tokenKey(config.JWT_SECRET),
        signOptions: { algorithm: TOKEN_ALGORITHM, expiresIn: config.JWT_TTL as `${number}h`, issuer: TOKEN_ISSUER },
        verifyOptions: { algorithms: [TOKEN_ALGORITHM], issuer: TOKEN_ISSUER },
      }),
    }),
  ],
  controllers: [AuthController, SecondFactorController],
  providers: [
    AuthService,
    SecondFactorService,
    SignInChallenges,
    SignInLockout,
    SessionStates,
    IdleSessions,
    SessionVerifier,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionVerifier, SecondFactorService, IdleSessions],
})
export class AuthModule {}
