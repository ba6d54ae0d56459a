import { describe, expect, it } from 'vitest';
import { filterQuery } from './people-api';

describe('filterQuery', () => {
  it('keeps set filters in a fixed order and adds paging', () => {
    expect(filterQuery({ politicalStatus: 'member', q: '王', unitId: '12' }, { page: 2, pageSize: 20 })).toBe(
      'q=%E7%8E%8B&unitId=12&politicalStatus=member&page=2&pageSize=20',
    );
  });

  it('leaves out empty values: the server reads `unitId=` as 0 and refuses it', () => {
    expect(filterQuery({ unitId: '', skill: undefined, fulltimePartyWorker: 'true' })).toBe('fulltimePartyWorker=true');
  });
});
