import { Module } from '@nestjs/common';
import { ReferenceModule } from '@hotline/reference';
import { AddressRegisterService } from './address-register.service';

@Module({ imports: [ReferenceModule], providers: [AddressRegisterService], exports: [AddressRegisterService] })
export class AddressesModule {}
