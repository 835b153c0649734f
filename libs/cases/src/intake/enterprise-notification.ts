import type { NewNotification } from '@hotline/notify';

export interface EnterpriseRequestFacts {
  caseId: string;
  caseNo: string;
  categoryCode: string;
  confidential: boolean;
  enterprise: { uscc: string; name: string; responsibleUserId: string | null };
}

/**
 * 包联领导/服务专员: the person responsible for an enterprise hears of each of its requests as it is
 * taken in (pure). The enterprise's name and code are public register data; no contact details. Not for
 * a confidential request (举报): the notice would tie the report to the enterprise that made it, for
 * someone outside the centre, who may even be the person reported.
 */
export function enterpriseRequestNotifications(facts: EnterpriseRequestFacts): NewNotification[] {
  const { enterprise } = facts;
  if (!enterprise.responsibleUserId || facts.confidential) return [];
  return [
    {
      recipient: { kind: 'user', userId: enterprise.responsibleUserId },
      caseId: facts.caseId,
      type: 'enterpriseRequestReceived',
      title: `您联系的企业${enterprise.name}提出诉求 ${facts.caseNo}`,
      data: { caseNo: facts.caseNo, uscc: enterprise.uscc, categoryCode: facts.categoryCode },
    },
  ];
}
