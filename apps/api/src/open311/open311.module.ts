import { Module } from '@nestjs/common';
import { AddressesModule } from '@hotline/addresses';
import { CasesModule } from '@hotline/cases';
import { PublicModule } from '../public/public.module';
import { Open311CatalogService } from './open311-catalog.service';
import { Open311ClientsController } from './open311-clients.controller';
import { Open311ClientsService } from './open311-clients.service';
import { Open311Controller } from './open311.controller';
import { Open311RequestsService } from './open311-requests.service';
import { Open311TestRequestsService } from './open311-test-requests.service';

/** Open311 GeoReport v2 at /open311/v2 (and its test endpoint at /open311/v2/test) and the admin endpoints for its clients. */
@Module({
  imports: [CasesModule, PublicModule, AddressesModule],
  controllers: [Open311Controller, Open311ClientsController],
  providers: [Open311CatalogService, Open311RequestsService, Open311TestRequestsService, Open311ClientsService],
})
export class Open311Module {}
