import type { RoutingFactsRow } from '@hotline/cases';
import type { ReferenceSnapshot } from '@hotline/reference';
import type { RoutingInput } from './routing-rules';

/** What the rules match a case on, from its stored facts and the reference data (dispatch and the preview alike). */
export function routingInputOf(snapshot: ReferenceSnapshot, row: RoutingFactsRow): RoutingInput {
  return {
    kind: row.kind,
    categoryPath: snapshot.categoriesById.get(row.categoryId)?.path ?? [],
    streetCode: row.streetId ? (snapshot.streetsById.get(row.streetId)?.code ?? null) : null,
    gridCode: row.gridId ? (snapshot.gridsById.get(row.gridId)?.code ?? null) : null,
    text: `${row.title}\n${row.description}`,
  };
}
