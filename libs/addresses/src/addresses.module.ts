import { Module } from '@nestjs/common';
import { ReferenceModule } from '@hotline/reference';
import { AddressAdminService } from './address-admin.service';
import { AddressRegisterService } from './address-register.service';

@Module({
  imports: [ReferenceModule],
  providers: [AddressRegisterService, AddressAdminService],
  exports: [AddressRegisterService, AddressAdminService],
})
export class AddressesModule {}
