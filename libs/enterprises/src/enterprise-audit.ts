/**
 * What the audit trail keeps of an enterprise: its identity, industry, street and responsible leader.
 * The contact's name and phone are personal data (sealed in the table) and never reach the audit row;
 * an update says only which of them changed.
 */
export interface EnterpriseAuditFields {
  uscc: string;
  name: string;
  industry: string;
  streetId: string | null;
  responsibleUserId: string | null;
}

export type EnterpriseContactField = 'contactName' | 'contactPhone';

export function enterpriseAuditView(e: EnterpriseAuditFields, contactChanged: readonly EnterpriseContactField[] = []) {
  const view: Record<string, unknown> = {
    uscc: e.uscc,
    name: e.name,
    industry: e.industry,
    streetId: e.streetId,
    responsibleUserId: e.responsibleUserId,
  };
  if (contactChanged.length > 0) view.contactChanged = [...contactChanged];
  return view;
}
