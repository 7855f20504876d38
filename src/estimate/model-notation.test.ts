import { describe, it } from 'node:test';
import { expect } from 'expect';
import { candidateModels, hierarchicalClosure, ModelNotationError, parseHierarchical, parseModel, termDigits } from './index.js';

const digits = (terms: number[]) => terms.map(termDigits);

describe('model notation', () => {
  it('reads generators and writes them back in canonical order', () => {
    expect(parseHierarchical('[1,2,3]', 3).name).toBe('[1,2,3]');
    expect(parseHierarchical('[3, 21]', 3).name).toBe('[12,3]');
    expect(parseHierarchical('34,123,14', 4).name).toBe('[123,14,34]');
    expect(parseHierarchical('[12,13,23]', 3).name).toBe('[12,13,23]');
    // A generator inside another adds nothing.
    expect(parseHierarchical('[123,12,4]', 4).name).toBe('[123,4]');
  });

  it('closes a model under subsets: every lower-order term of each generator is in it', () => {
    expect(digits(parseHierarchical('[12,3]', 3).terms)).toEqual(['1', '2', '3', '12']);
    expect(digits(parseHierarchical('[123,14,34]', 4).terms)).toEqual(['1', '2', '3', '4', '12', '13', '23', '14', '34', '123']);
    expect(digits(hierarchicalClosure([0b111]))).toEqual(['1', '2', '3', '12', '13', '23', '123']);
  });

  it('refuses models it cannot fit or cannot read', () => {
    expect(() => parseHierarchical('[123]', 3)).toThrow(/confounded with the unobserved cell/);
    expect(() => parseHierarchical('[12]', 3)).toThrow(/leaves out list 3/);
    expect(() => parseHierarchical('[15,2,3,4]', 4)).toThrow(/names list 5/);
    expect(() => parseHierarchical('[11,2]', 2)).toThrow(/appears twice/);
    expect(() => parseHierarchical('12;3', 3)).toThrow(ModelNotationError);
    expect(() => parseModel('Mh', 3)).toThrow(/Mh_Chao/);
  });

  it('names the closed-population models as Rcapture does', () => {
    expect(parseModel('Mt', 4)).toMatchObject({ kind: 'heterogeneity', time: true, heterogeneity: 'none', name: 'Mt' });
    expect(parseModel('M0', 4)).toMatchObject({ time: false, heterogeneity: 'none' });
    expect(parseModel('Mh_Chao_LB', 4)).toMatchObject({ name: 'Mh_Chao', heterogeneity: 'chao', time: false });
    expect(parseModel('Mth_Poisson2', 4)).toMatchObject({ name: 'Mth_Poisson2', time: true });
    expect(parseModel('mth_darroch', 4)).toMatchObject({ name: 'Mth_Darroch' });
    expect(parseModel('Mbh', 4)).toEqual({ kind: 'behaviour', name: 'Mbh' });
  });

  it('enumerates the search family: all hierarchical models for 3 lists, all two-way models plus the largest for 4 and 5', () => {
    expect(candidateModels(1)).toEqual([]);
    expect(candidateModels(2).map((model) => model.name)).toEqual(['[1,2]']);
    expect(candidateModels(3).map((model) => model.name).sort()).toEqual(['[1,2,3]', '[12,13,23]', '[12,13]', '[12,23]', '[12,3]', '[13,2]', '[13,23]', '[23,1]'].sort());
    const four = candidateModels(4);
    expect(four).toHaveLength(65);
    expect(new Set(four.map((model) => model.name)).size).toBe(65);
    expect(four.at(-1)!.name).toBe('[123,124,134,234]');
    expect(candidateModels(5)).toHaveLength(1025);
    expect(candidateModels(6)).toEqual([]);
  });
});
