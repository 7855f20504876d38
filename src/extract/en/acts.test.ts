import { describe, it } from 'node:test';
import { expect } from 'expect';
import { analyze } from '../analyzed-text.js';
import { extractActs } from './acts.js';

const acts = (text: string) => extractActs(analyze(text));
const types = (text: string) => acts(text).map((act) => act.type);
const only = (text: string) => {
  const found = acts(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('extractActs', () => {
  it('finds active and passive voice, and phrasal verbs', () => {
    expect(types('Police detained the activist at dawn.')).toEqual(['detention']);
    expect(types('Dozens of men were detained last week.')).toEqual(['detention']);
    expect(types('Forty men had been rounded up by officers.')).toEqual(['detention']);
    expect(types('Officers rounded them up outside the mosque.')).toEqual(['detention']);
    expect(types('Unknown men set fire to the office.')).toEqual(['attack_on_property']);
    expect(types('The car was burned down overnight.')).toEqual(['attack_on_property']);
    expect(types('Many were forced to flee the republic.')).toEqual(['displacement']);
  });

  it('finds nominalisations', () => {
    expect(types('Protests followed the arrest of the lawyer.')).toEqual(['detention']);
    expect(types('They reported detentions of gay men.')).toEqual(['detention']);
    expect(types('The abduction shocked the town.')).toEqual(['abduction']);
    expect(types('It was an arson attack.')).toEqual(['attack_on_property']);
  });

  it('keeps one act per type and sentence, and separate types apart', () => {
    expect(types('Men were rounded up, tortured and sometimes killed.')).toEqual(['detention', 'torture', 'killing']);
    expect(types('He was detained and later the detention was extended.')).toEqual(['detention']);
  });

  it('counts a generic list of abuses once', () => {
    expect(types('Rights groups accuse him of abductions, torture and extrajudicial killings.')).toHaveLength(1);
  });

  it('flags negation', () => {
    expect(only('No one was detained.').flags.negated).toBe(true);
    expect(only('The prisoners were not tortured.').flags.negated).toBe(true);
    expect(only('The prisoners were tortured.').flags.negated).toBe(false);
  });

  it('flags denial', () => {
    expect(only('The spokesman denied that anyone was detained.').flags.denied).toBe(true);
    expect(only('Kadyrov dismissed reports that 100 men had been rounded up.').flags.denied).toBe(true);
  });

  it('flags allegations', () => {
    expect(only('Security forces reportedly killed two men.').flags.alleged).toBe(true);
    expect(only('He was allegedly beaten in custody.').flags.alleged).toBe(true);
    expect(only('The group claims that activists were abducted.').flags.alleged).toBe(true);
  });

  it('flags hypothetical acts', () => {
    expect(only('Activists could be arrested at any moment.').flags.hypothetical).toBe(true);
    expect(only('If he returns, he would be detained.').flags.hypothetical).toBe(true);
  });

  it('makes a threatened act one threat', () => {
    expect(types('Kadyrov threatened to kill the family.')).toEqual(['threat']);
    expect(types('The deputy vowed to "cut off the heads" of the family.')).toEqual(['threat']);
    expect(types('He vowed to carry out collective punishment against relatives.')).toEqual(['threat']);
    expect(types('"Next time we\'ll burn your office," the message said.')).toEqual(['threat']);
    expect(types('He said that their heads would be cut off.')).toEqual(['threat']);
  });

  it('avoids false positives from names, idioms and other senses', () => {
    expect(types('She watched Killing Eve last night.')).toEqual([]);
    expect(types('The ministry held a press conference in Moscow.')).toEqual([]);
    expect(types('The show Arrested Development returns.')).toEqual([]);
    expect(types('The series suffers from arrested development.')).toEqual([]);
    expect(types('The team launched an attack in the second half.')).toEqual([]);
    expect(types('Residents complained about charges for electricity.')).toEqual([]);
    expect(types('The Committee Against Torture published a report.')).toEqual([]);
    expect(types('Five boys pledged allegiance to the group.')).toEqual([]);
  });

  it('keeps charges that explain a detention inside the detention', () => {
    expect(types('He has been jailed on bogus drug possession charges.')).toEqual(['detention']);
    expect(types('She was charged with fraud on fabricated evidence.')).toEqual(['prosecution']);
  });

  it('spans the cue words with offsets into the text', () => {
    const text = 'Yesterday police had rounded up forty men.';
    const act = only(text);
    expect(text.slice(act.start, act.end)).toBe('rounded up');
    expect(act.text).toBe('rounded up');
  });
});

describe('a subject with a nationality adjective', () => {
  it('is no reduced relative clause: "Chechen police detained…" reports a detention', () => {
    const acts = extractActs(analyze('Chechen police detained at least forty men in Grozny.'));
    expect(acts.map((act) => [act.type, act.text])).toEqual([['detention', 'detained']]);
  });
});
