import { InputInvalid, type FieldProblem } from '@hotline/errors';
import type { Decision, DecisionType } from '@hotline/upstream';
import type { UpstreamDecisionDto } from './upstream.dto';

/** The fields each decision type carries besides `seq`, `type` and `at`. */
const FIELDS_OF: Record<DecisionType, ReadonlyArray<keyof UpstreamDecisionDto>> = {
  returnDecided: ['accepted', 'note'],
  extensionDecided: ['approved', 'days', 'note'],
  urged: ['note'],
  recalled: ['reason'],
  calledBack: ['satisfaction', 'solved', 'note'],
};
const TYPED_FIELDS = ['accepted', 'approved', 'days', 'reason', 'satisfaction', 'solved', 'note'] as const;

/** The validated body as a decision; a field that belongs to another type is refused (400), naming it. */
export function decisionOf(dto: UpstreamDecisionDto): Decision {
  const allowed = FIELDS_OF[dto.type];
  const problems: FieldProblem[] = TYPED_FIELDS.filter((field) => dto[field] !== undefined && !allowed.includes(field)).map(
    (field) => ({ field, reason: `is not a field of a ${dto.type} decision` }),
  );
  if (problems.length > 0) throw new InputInvalid(problems);
  switch (dto.type) {
    case 'returnDecided':
      return { type: dto.type, accepted: dto.accepted!, note: dto.note };
    case 'extensionDecided':
      return { type: dto.type, approved: dto.approved!, days: dto.days, note: dto.note };
    case 'urged':
      return { type: dto.type, note: dto.note };
    case 'recalled':
      return { type: dto.type, reason: dto.reason! };
    case 'calledBack':
      return { type: dto.type, satisfaction: dto.satisfaction!, solved: dto.solved!, note: dto.note };
  }
}
