import { enterpriseRequestNotifications } from './enterprise-notification';

describe('enterprise request notifications', () => {
  const facts = { caseId: 'c1', caseNo: 'XG20261122000001', categoryCode: 'enterprise.financing', confidential: false };

  it("tell the enterprise's responsible person, with register data only", () => {
    expect(
      enterpriseRequestNotifications({
        ...facts,
        enterprise: { uscc: '91210203MA0YR8N31R', name: '示范科技', responsibleUserId: 'u1' },
      }),
    ).toEqual([
      {
        recipient: { kind: 'user', userId: 'u1' },
        caseId: 'c1',
        type: 'enterpriseRequestReceived',
        title: '您联系的企业示范科技提出诉求 XG20261122000001',
        data: { caseNo: 'XG20261122000001', uscc: '91210203MA0YR8N31R', categoryCode: 'enterprise.financing' },
      },
    ]);
  });

  it('tell nobody when the enterprise has no responsible person', () => {
    expect(
      enterpriseRequestNotifications({
        ...facts,
        enterprise: { uscc: '91210203MA0YR8N31R', name: '示范科技', responsibleUserId: null },
      }),
    ).toEqual([]);
  });

  it('tell nobody of a confidential request, which must not be tied to the enterprise that made it', () => {
    expect(
      enterpriseRequestNotifications({
        ...facts,
        confidential: true,
        enterprise: { uscc: '91210203MA0YR8N31R', name: '示范科技', responsibleUserId: 'u1' },
      }),
    ).toEqual([]);
  });
});
