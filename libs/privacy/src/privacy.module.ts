import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@hotline/config';
import { PersonalDataCipher } from './personal-data';

@Global()
@Module({
  providers: [
    {
      provide: PersonalDataCipher,
      inject: [AppConfig],
      useFactory: (c: AppConfig) => new PersonalDataCipher(c.PII_KEY, c.PII_HASH_KEY),
    },
  ],
  exports: [PersonalDataCipher],
})
export class PrivacyModule {}
