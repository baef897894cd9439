import { describe, expect, it } from 'vitest';
import { parseItems } from '../../../../native-host/cli/items-spec.js';

describe('--items', () => {
  it('reads ranges and singles, sorted and de-duplicated', () => {
    expect(parseItems('1-3,7')).toEqual([1, 2, 3, 7]);
    expect(parseItems('7, 2-3 ,2')).toEqual([2, 3, 7]);
  });
  it('refuses what is not a list of positive numbers', () => {
    for (const bad of ['', '0', '3-1', 'a', '1-', '-2', '1,,2', '1-20000']) expect(parseItems(bad), bad).toBeNull();
  });
});
