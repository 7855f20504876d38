import { describe, it } from 'node:test';
import { expect } from 'expect';
import { ancestorsOf, placeDepth, placeRelation } from './place-hierarchy.js';

describe('place hierarchy', () => {
  it('knows that Grozny lies in Chechnya, the North Caucasus and Russia', () => {
    expect(ancestorsOf('Grozny')).toEqual(['Chechnya', 'North Caucasus', 'Russia']);
    expect(placeDepth('Grozny')).toBeGreaterThan(placeDepth('Chechnya'));
  });

  it('tells scenes that can be one from scenes that cannot', () => {
    expect(placeRelation('Grozny', 'grozny')).toBe('same');
    expect(placeRelation('Argun', 'Chechnya')).toBe('within');
    expect(placeRelation('Russia', 'Nazran')).toBe('within');
    expect(placeRelation('Grozny', 'Nazran')).toBe('apart');
    expect(placeRelation('Chechnya', 'Ingushetia')).toBe('apart');
    expect(placeRelation('Atlantis', 'El Dorado')).toBe('unknown');
  });
});
