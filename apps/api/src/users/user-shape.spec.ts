import { patchedShape, userShapeProblems } from './user-shape';

describe('a user record as a whole', () => {
  it('asks a department role for its department and refuses one elsewhere', () => {
    expect(userShapeProblems({ role: 'departmentStaff', departmentCode: null, gridCodes: [] })).toEqual([
      { field: 'departmentCode', reason: 'is required for the departmentStaff role' },
    ]);
    expect(userShapeProblems({ role: 'operator', departmentCode: 'heating', gridCodes: [] })[0].field).toBe('departmentCode');
    expect(userShapeProblems({ role: 'departmentLead', departmentCode: 'heating', gridCodes: [] })).toEqual([]);
  });

  it('asks a grid worker for a grid and refuses grids elsewhere', () => {
    expect(userShapeProblems({ role: 'gridWorker', departmentCode: null, gridCodes: [] })[0].field).toBe('gridCodes');
    expect(userShapeProblems({ role: 'admin', departmentCode: null, gridCodes: ['baiyun-01-g1'] })[0].field).toBe('gridCodes');
  });

  it('drops what a new role cannot carry unless the change names it', () => {
    const staff = { role: 'departmentStaff' as const, departmentCode: 'heating', gridCodes: [] };
    expect(patchedShape(staff, { role: 'operator' })).toEqual({ role: 'operator', departmentCode: null, gridCodes: [] });
    expect(patchedShape(staff, { role: 'operator', departmentCode: 'heating' }).departmentCode).toBe('heating');
    expect(patchedShape(staff, { departmentCode: 'housing' })).toEqual({ ...staff, departmentCode: 'housing' });
    const grid = { role: 'gridWorker' as const, departmentCode: null, gridCodes: ['a', 'a', 'b'] };
    expect(patchedShape(grid, {}).gridCodes).toEqual(['a', 'b']);
    expect(patchedShape(grid, { role: 'supervisor' }).gridCodes).toEqual([]);
  });
});
