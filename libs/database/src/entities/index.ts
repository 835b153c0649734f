import { AuditLogEntity } from './audit.entity';
import { SignInHistoryEntity } from './sign-in.entity';
import { AddressEntity } from './address.entity';
import { CaseDeadlineEntity } from './case-deadline.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { EnterpriseCaseEntity, EnterpriseEntity } from './enterprise.entities';
import { ExtensionRequestEntity } from './extension-request.entity';
import { NotificationEntity } from './notification.entity';
import { Open311ClientEntity, Open311RequestEntity, Open311TestRequestEntity, ServiceAttributeEntity } from './open311.entities';
import { OutboxEntity } from './outbox.entity';
import {
  CategoryEntity,
  CommunityEntity,
  DepartmentEntity,
  DistrictEntity,
  GridEntity,
  StreetEntity,
} from './reference.entities';
import { RoutingRuleEntity, RoutingRuleVersionEntity } from './routing-rule.entity';
import { HolidayOverrideEntity, SettingsVersionEntity, SlaPolicyEntity } from './sla.entities';
import { StatsCaseFactsEntity, StatsDailyEntity, StatsSettingEntity } from './stats.entities';
import { UserEntity, UserRecoveryCodeEntity } from './user.entity';
import { SecuritySettingsEntity } from './security-settings.entity';

export * from './audit.entity';
export * from './address.entity';
export * from './case-deadline.entity';
export * from './case-event.entity';
export * from './case.entity';
export * from './enterprise.entities';
export * from './extension-request.entity';
export * from './notification.entity';
export * from './open311.entities';
export * from './outbox.entity';
export * from './reference.entities';
export * from './routing-rule.entity';
export * from './sign-in.entity';
export * from './sla.entities';
export * from './stats.entities';
export * from './user.entity';
export * from './security-settings.entity';

export const ENTITIES = [
  DepartmentEntity,
  CategoryEntity,
  DistrictEntity,
  StreetEntity,
  CommunityEntity,
  GridEntity,
  AddressEntity,
  UserEntity,
  UserRecoveryCodeEntity,
  SecuritySettingsEntity,
  RoutingRuleEntity,
  RoutingRuleVersionEntity,
  CaseEntity,
  CaseEventEntity,
  ExtensionRequestEntity,
  OutboxEntity,
  SlaPolicyEntity,
  HolidayOverrideEntity,
  SettingsVersionEntity,
  CaseDeadlineEntity,
  NotificationEntity,
  Open311ClientEntity,
  Open311RequestEntity,
  Open311TestRequestEntity,
  ServiceAttributeEntity,
  EnterpriseEntity,
  EnterpriseCaseEntity,
  StatsCaseFactsEntity,
  StatsDailyEntity,
  StatsSettingEntity,
  AuditLogEntity,
  SignInHistoryEntity,
];
