import { Module } from '@nestjs/common';
import { CasesModule } from '@hotline/cases';
import { UpstreamCategoryMapService } from './upstream-category-map.service';
import { UpstreamDecisionsService } from './upstream-decisions.service';
import { UpstreamDeliveryService } from './upstream-delivery.service';
import { UpstreamOrdersService } from './upstream-orders.service';
import { UpstreamPlatformSettings } from './upstream-platform-settings';
import { UpstreamReturnsService } from './upstream-returns.service';
import { UpstreamSupervisionService } from './upstream-supervision.service';

const PROVIDERS = [
  UpstreamPlatformSettings,
  UpstreamOrdersService,
  UpstreamDecisionsService,
  UpstreamDeliveryService,
  UpstreamCategoryMapService,
  UpstreamSupervisionService,
  UpstreamReturnsService,
];

/** The upstream platform adapter: orders and decisions in (API), reports out (worker), supervision. */
@Module({
  imports: [CasesModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class UpstreamModule {}
