export { ReferenceDataService } from './reference-data.service';
export { ReferenceModule } from './reference.module';
export { ReferenceSnapshot } from './reference-snapshot';
export type { CategoryRef, CommunityRef, DepartmentRef, GridRef, PlaceRef } from './reference-snapshot';
