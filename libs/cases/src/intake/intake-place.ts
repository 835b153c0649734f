import type { FieldProblem } from '@hotline/errors';
import type { CategoryRef, CommunityRef, GridRef, ReferenceSnapshot } from '@hotline/reference';

export interface IntakePlaceInput {
  categoryCode: string;
  lat?: number;
  lng?: number;
  communityCode?: string;
}

export interface ResolvedIntake {
  category: CategoryRef;
  grid: GridRef | null;
  community: CommunityRef | null;
}

/**
 * Checks the parts of an intake that need reference data and places the case in the grid tree:
 * coordinates decide the grid; without them the operator's community places it. Returns every problem
 * at once so the operator fixes the form in one go.
 */
export function resolveIntakePlace(snapshot: ReferenceSnapshot, input: IntakePlaceInput): ResolvedIntake | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const category = snapshot.activeCategory(input.categoryCode);
  if (!category) problems.push({ field: 'categoryCode', reason: `unknown or retired category "${input.categoryCode}"` });
  else if (!snapshot.isLeafCategory(category)) {
    problems.push({
      field: 'categoryCode',
      reason: `"${input.categoryCode}" is a category group; choose one of its sub-categories`,
    });
  }

  let community: CommunityRef | null = null;
  if (input.communityCode !== undefined) {
    community = snapshot.communitiesByCode.get(input.communityCode) ?? null;
    if (!community) problems.push({ field: 'communityCode', reason: `unknown community "${input.communityCode}"` });
  }

  let grid: GridRef | null = null;
  const hasLat = input.lat !== undefined;
  const hasLng = input.lng !== undefined;
  if (hasLat !== hasLng) {
    problems.push({ field: hasLat ? 'lng' : 'lat', reason: 'lat and lng must be given together' });
  } else if (hasLat && hasLng) {
    grid = snapshot.gridIndex.contains(input.lng!, input.lat!) ? snapshot.gridIndex.locate(input.lng!, input.lat!) : null;
    if (!grid) {
      problems.push({ field: 'lat', reason: 'the coordinates are outside the district' });
      problems.push({ field: 'lng', reason: 'the coordinates are outside the district' });
    } else if (community && grid.community.code !== community.code) {
      problems.push({
        field: 'communityCode',
        reason: `the coordinates lie in community ${grid.community.code}, not ${community.code}`,
      });
    }
  }

  if (problems.length > 0) return problems;
  if (grid) community = snapshot.communitiesByCode.get(grid.community.code)!;
  return { category: category!, grid, community };
}
