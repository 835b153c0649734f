import { addressMatchKeys, addressSearchTerms, compactAddressText, textMatchKeys } from './address-keys';

describe('address keys', () => {
  it('a building is keyed by its compound, current and old name', () => {
    expect(addressMatchKeys({ kind: 'building', label: '锦绣小区5号楼', aliases: ['云峰新村5号楼'] })).toEqual([
      '云峰新村5号楼',
      '锦绣小区5号楼',
    ]);
    expect(addressMatchKeys({ kind: 'roadNumber', label: '中山路128号' })).toEqual(['中山路128号']);
    expect(addressMatchKeys({ kind: 'unit', label: '锦绣小区5号楼2单元' })).toEqual([]);
    expect(addressMatchKeys({ kind: 'compound', label: '锦绣小区' })).toEqual([]);
  });

  it('free text yields the keys it could mean, whatever comes before or after', () => {
    const keys = textMatchKeys('白云街道云峰社区锦绣小区5号楼2单元501室');
    expect(keys).toContain('锦绣小区5号楼');
    expect(keys).not.toContain('锦绣小区5号');
    expect(textMatchKeys('西岗区中山路128号门口')).toContain('中山路128号');
    expect(textMatchKeys('中山路128号')).not.toContain('中山路128号楼');
  });

  it('reads 栋, 幢, # and full-width digits as the register writes them', () => {
    expect(compactAddressText('锦绣小区 ５栋')).toBe('锦绣小区5号楼');
    expect(textMatchKeys('锦绣小区5#楼')).toContain('锦绣小区5号楼');
    expect(textMatchKeys('锦绣小区5幢')).toContain('锦绣小区5号楼');
  });

  it('never keys a text without a door or building number', () => {
    expect(textMatchKeys('云峰社区锦绣小区门口')).toEqual([]);
  });

  it('search terms cover the label written out under street and community', () => {
    const terms = addressSearchTerms({ label: '锦绣小区5号楼' }, { streetName: '白云街道', communityName: '云峰社区' });
    expect(terms).toEqual(expect.arrayContaining(['云峰', '区锦', '5号', '~jx']));
  });
});
