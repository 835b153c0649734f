import { maskName, maskPhone, PersonalDataCipher } from '@hotline/privacy';
import type { ReferenceSnapshot } from '@hotline/reference';
import type { CallerVisibility } from './case-visibility';

/** The raw row as selected by the query service (snake_case columns aliased to camelCase). */
export interface CaseRow {
  id: string;
  caseNo: string;
  version: number;
  status: string;
  kind: string;
  categoryId: string;
  channel: string;
  priority: string;
  title: string;
  description: string;
  address: string;
  lat: number | null;
  lng: number | null;
  streetId: string | null;
  communityId: string | null;
  gridId: string | null;
  callerNameSealed: string;
  callerPhoneSealed: string;
  confidential: boolean;
  leadDepartmentId: string | null;
  assistingDepartmentIds: string[];
  returnsCount: number;
  extensionsCount: number;
  reopensCount: number;
  urgesCount: number;
  mergedIntoId: string | null;
  supervisionLevel: string | null;
  assigneeId: string | null;
  receivedAt: Date;
  dispatchedAt: Date | null;
  updatedAt: Date;
}

export const CASE_ROW_COLUMNS = `
  c.id, c.case_no AS "caseNo", c.version, c.status, c.kind, c.category_id AS "categoryId", c.channel, c.priority,
  c.title, c.description, c.address, c.lat, c.lng, c.street_id AS "streetId", c.community_id AS "communityId",
  c.grid_id AS "gridId", c.caller_name_sealed AS "callerNameSealed", c.caller_phone_sealed AS "callerPhoneSealed",
  c.confidential, c.lead_department_id AS "leadDepartmentId", c.assisting_department_ids AS "assistingDepartmentIds",
  c.returns_count AS "returnsCount", c.extensions_count AS "extensionsCount", c.reopens_count AS "reopensCount",
  c.urges_count AS "urgesCount", c.merged_into_id AS "mergedIntoId", c.supervision_level AS "supervisionLevel",
  c.assignee_id AS "assigneeId", c.received_at AS "receivedAt", c.dispatched_at AS "dispatchedAt", c.updated_at AS "updatedAt"`;

export interface CodeName {
  code: string;
  name: string;
}
export interface DepartmentView extends CodeName {
  id: string;
}

/** A case as every response carries it; times are formatted by the caller (the API's time zone). */
export interface CaseView {
  id: string;
  caseNo: string;
  status: string;
  version: number;
  kind: string;
  category: CodeName | null;
  channel: string;
  priority: string;
  title: string;
  description: string;
  address: string;
  lat: number | null;
  lng: number | null;
  grid: CodeName | null;
  community: CodeName | null;
  street: CodeName | null;
  confidential: boolean;
  caller: { name: string; phone: string; visibility: 'full' | 'masked' } | null;
  leadDepartment: DepartmentView | null;
  assistingDepartments: DepartmentView[];
  counters: { returns: number; extensions: number; reopens: number; urges: number };
  /** The case this one was merged into (重复件), when merged. */
  mergedIntoId: string | null;
  /** 督办 level (normal / yellow / red) once a supervisor flagged the case. */
  supervisionLevel: string | null;
  /** The department staff member the lead assigned the case to. */
  assigneeId: string | null;
  receivedAt: Date;
  dispatchedAt: Date | null;
  updatedAt: Date;
}

const codeName = (ref: { code: string; name: string } | undefined | null): CodeName | null =>
  ref ? { code: ref.code, name: ref.name } : null;

export function toCaseView(row: CaseRow, snapshot: ReferenceSnapshot, cipher: PersonalDataCipher, visibility: CallerVisibility): CaseView {
  const department = (id: string | null): DepartmentView | null => {
    const d = id ? snapshot.departmentsById.get(id) : undefined;
    return d ? { id: d.id, code: d.code, name: d.name } : null;
  };
  let caller: CaseView['caller'] = null;
  if (visibility !== 'hidden') {
    const name = cipher.decrypt(row.callerNameSealed);
    const phone = cipher.decrypt(row.callerPhoneSealed);
    caller =
      visibility === 'full'
        ? { name, phone, visibility }
        : { name: maskName(name), phone: maskPhone(phone), visibility };
  }
  return {
    id: row.id,
    caseNo: row.caseNo,
    status: row.status,
    version: row.version,
    kind: row.kind,
    category: codeName(snapshot.categoriesById.get(row.categoryId)),
    channel: row.channel,
    priority: row.priority,
    title: row.title,
    description: row.description,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    grid: codeName(row.gridId ? snapshot.gridsById.get(row.gridId) : null),
    community: codeName(row.communityId ? snapshot.communitiesById.get(row.communityId) : null),
    street: codeName(row.streetId ? snapshot.streetsById.get(row.streetId) : null),
    confidential: row.confidential,
    caller,
    leadDepartment: department(row.leadDepartmentId),
    assistingDepartments: row.assistingDepartmentIds.map(department).filter((d): d is DepartmentView => d !== null),
    counters: { returns: row.returnsCount, extensions: row.extensionsCount, reopens: row.reopensCount, urges: row.urgesCount },
    mergedIntoId: row.mergedIntoId,
    supervisionLevel: row.supervisionLevel,
    assigneeId: row.assigneeId,
    receivedAt: row.receivedAt,
    dispatchedAt: row.dispatchedAt,
    updatedAt: row.updatedAt,
  };
}
