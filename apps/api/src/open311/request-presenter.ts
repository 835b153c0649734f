import { open311StatusOf, STATUS_NOTES, type ServiceRequestRecord } from '@hotline/open311';
import type { PublicRequestRow } from '@hotline/cases';
import { maskPersonalData } from '@hotline/privacy';
import type { ReferenceSnapshot } from '@hotline/reference';
import type { SlaLimit, SlaPolicy } from '@hotline/sla';
import { toZonedIso } from '../http/zoned-time';

const UNIT_LABEL: Record<string, string> = { workingDays: '个工作日', workingHours: '个工作小时', minutes: '分钟' };

function describeLimit(limit: SlaLimit): string {
  if (limit.unit === 'minutes' && limit.amount % 60 === 0) return `${limit.amount / 60} 小时`;
  return `${limit.amount} ${UNIT_LABEL[limit.unit] ?? limit.unit}`;
}

/** service_notice: what the SLA promises for such a request, in the citizen's words. */
export function serviceNotice(policy: SlaPolicy): string {
  return `承办部门在派单后 ${describeLimit(policy.accept)}内签收、${describeLimit(policy.reply)}内办结答复；办结后 ${describeLimit(policy.callback)}内回访。`;
}

/**
 * One service request in the spec's fields. Personal data never leaves: no caller, and free text
 * (description, the answer, the address line) only for requests submitted through Open311, whose
 * authors published them, and then with phone numbers, ID numbers and e-mails masked. Cases from
 * other channels show their community and street instead of the address, and coordinates rounded to
 * about 100 m.
 */
export function toServiceRequest(
  row: PublicRequestRow,
  snapshot: ReferenceSnapshot,
  expected: Date | null,
  notice: string | null,
  timeZone: string,
): ServiceRequestRecord {
  const category = snapshot.categoriesById.get(row.categoryId);
  const department = row.leadDepartmentId ? snapshot.departmentsById.get(row.leadDepartmentId) : undefined;
  const community = row.communityId ? snapshot.communitiesById.get(row.communityId) : undefined;
  const street = row.streetId ? snapshot.streetsById.get(row.streetId) : community?.street;
  const merged = row.handlingCaseNo !== row.caseNo;
  const stateNote = STATUS_NOTES[row.handlingStatus] ?? null;
  let notes: string | null = row.viaOpen311 && row.reply ? maskPersonalData(row.reply) : stateNote;
  if (merged) notes = `已与 ${row.handlingCaseNo} 合并办理：${notes ?? ''}`;
  const coarse = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
  return {
    service_request_id: row.caseNo,
    status: open311StatusOf(row.handlingStatus),
    status_notes: notes,
    service_name: category?.name ?? null,
    service_code: category?.code ?? null,
    description: row.viaOpen311 ? maskPersonalData(row.description) : null,
    agency_responsible: department?.name ?? null,
    service_notice: notice,
    requested_datetime: toZonedIso(row.receivedAt, timeZone),
    updated_datetime: toZonedIso(row.handlingUpdatedAt, timeZone),
    expected_datetime: toZonedIso(expected, timeZone),
    address: row.viaOpen311 ? maskPersonalData(row.address) : [community?.name, street?.name].filter(Boolean).join('，') || null,
    address_id: row.addressId ?? community?.code ?? null,
    zipcode: null,
    lat: row.viaOpen311 ? row.lat : coarse(row.lat),
    long: row.viaOpen311 ? row.lng : coarse(row.lng),
    media_url: row.mediaUrl,
  };
}
