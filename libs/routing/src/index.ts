export { chooseRoute, scoreRule } from './routing-rules';
export type { RoutingDecision, RoutingInput, RoutingRule } from './routing-rules';
export { CaseRoutingService } from './case-routing.service';
export type { RoutingOutcome } from './case-routing.service';
export { RoutingModule } from './routing.module';
