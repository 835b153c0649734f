/**
 * @hotline/upstream — the upstream platform adapter (issue 16): the city's 12345 platform is its first
 * configuration. Pure rules (signature, report bodies, delivery order, deadline caps, decisions) are in
 * `src/domain/`; the services do the I/O around them.
 */
export * from './domain';
export { UpstreamModule } from './upstream.module';
export { UpstreamPlatformSettings, type ConfiguredPlatform } from './upstream-platform-settings';
export { UpstreamOrdersService, type OrderTaken, type UpstreamOrder } from './upstream-orders.service';
export { UpstreamDecisionsService, type DecisionIn, type DecisionOutcome } from './upstream-decisions.service';
export {
  UpstreamDeliveryService,
  OrderDeliveryBusy,
  ReportDeliveryFailed,
  type DeliveryOutcome,
} from './upstream-delivery.service';
export { UpstreamReturnsService } from './upstream-returns.service';
export { UpstreamCategoryMapService, type CategoryMapping } from './upstream-category-map.service';
export {
  UpstreamSupervisionService,
  type DeadLetterView,
  type DecisionView,
  type OrderView,
  type ReportView,
} from './upstream-supervision.service';
