import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyMapMarkSchema, bodyMapSchema } from '../../../src/contract/body-map.js';
import {
  BODY_MAP_LIMITS,
  BODY_MARK_TYPES,
  BODY_REGIONS,
  BODY_SIDES,
  nearestRegion,
  regionCentre,
  regionsOnSide,
  validateBodyMap,
  type BodyMapMark,
} from '../../../src/domain/cases/signals/body-map.js';

function mark(overrides: Partial<BodyMapMark> = {}): BodyMapMark {
  return { side: 'front', x: 0.5, y: 0.4, type: 'bruise', colour: 'blauw-paars', sizeCm: 3, description: 'Ronde plek, ongeveer zo groot als een duim.', ...overrides };
}

describe('validating a body map', () => {
  it('accepts an empty map and a map of ordinary marks', () => {
    expect(validateBodyMap([])).toEqual([]);
    expect(validateBodyMap([mark(), mark({ side: 'back', x: 0, y: 1, type: 'scar', colour: null, sizeCm: null, description: '' })])).toEqual([]);
  });

  it('keeps a mark within the outline box: x and y from 0 to 1', () => {
    for (const [x, y] of [
      [-0.01, 0.5],
      [1.01, 0.5],
      [0.5, -1],
      [0.5, 2],
      [Number.NaN, 0.5],
      [0.5, Number.POSITIVE_INFINITY],
    ] as const) {
      expect(validateBodyMap([mark({ x, y })])).toEqual([{ code: 'coordinate-out-of-range', markIndex: 0 }]);
    }
    expect(validateBodyMap([mark({ x: 0, y: 0 }), mark({ x: 1, y: 1 })])).toEqual([]);
  });

  it('allows at most 30 marks', () => {
    const thirty = Array.from({ length: 30 }, () => mark());
    expect(validateBodyMap(thirty)).toEqual([]);
    expect(validateBodyMap([...thirty, mark()])).toEqual([{ code: 'too-many-marks', markIndex: null }]);
  });

  it('allows a description of at most 500 characters', () => {
    expect(validateBodyMap([mark({ description: 'a'.repeat(500) })])).toEqual([]);
    expect(validateBodyMap([mark(), mark({ description: 'a'.repeat(501) })])).toEqual([{ code: 'description-too-long', markIndex: 1 }]);
  });

  it('keeps the colour short', () => {
    expect(validateBodyMap([mark({ colour: 'a'.repeat(50) })])).toEqual([]);
    expect(validateBodyMap([mark({ colour: 'a'.repeat(51) })])).toEqual([{ code: 'colour-too-long', markIndex: 0 }]);
  });

  it('takes a size of more than 0 and at most 100 cm, or none', () => {
    for (const sizeCm of [0.1, 2.5, 100, null]) expect(validateBodyMap([mark({ sizeCm })])).toEqual([]);
    for (const sizeCm of [0, -1, 100.5, Number.NaN]) {
      expect(validateBodyMap([mark({ sizeCm })])).toEqual([{ code: 'size-out-of-range', markIndex: 0 }]);
    }
  });

  it('reports every problem of every mark', () => {
    const problems = validateBodyMap([mark({ x: 2, sizeCm: 0 }), mark(), mark({ description: 'a'.repeat(600) })]);
    expect(problems).toEqual([
      { code: 'coordinate-out-of-range', markIndex: 0 },
      { code: 'size-out-of-range', markIndex: 0 },
      { code: 'description-too-long', markIndex: 2 },
    ]);
  });
});

describe('body regions', () => {
  it('sees the chest and belly from the front, the back and buttocks from behind, and the rest from both', () => {
    expect(regionsOnSide('front')).not.toContain('back');
    expect(regionsOnSide('front')).not.toContain('buttocks');
    expect(regionsOnSide('back')).not.toContain('chest');
    expect(regionsOnSide('back')).not.toContain('belly');
    for (const region of BODY_REGIONS) {
      const seenFrom = BODY_SIDES.filter((side) => regionsOnSide(side).includes(region));
      expect(seenFrom.length, region).toBeGreaterThan(0);
    }
    expect(regionsOnSide('front')[0]).toBe('head');
  });

  it("draws the child's right side on our left at the front and on our right at the back", () => {
    expect(regionCentre('front', 'right-arm')?.x).toBeLessThan(0.5);
    expect(regionCentre('front', 'left-hand')?.x).toBeGreaterThan(0.5);
    expect(regionCentre('back', 'right-arm')?.x).toBeGreaterThan(0.5);
    expect(regionCentre('back', 'left-foot')?.x).toBeLessThan(0.5);
    expect(regionCentre('front', 'back')).toBeNull();
  });

  it('places every region centre inside the box, as a valid mark', () => {
    for (const side of BODY_SIDES) {
      for (const region of regionsOnSide(side)) {
        const centre = regionCentre(side, region);
        expect(centre).not.toBeNull();
        if (centre) expect(validateBodyMap([mark({ side, ...centre })])).toEqual([]);
      }
    }
  });

  it('names each region centre after its own region', () => {
    for (const side of BODY_SIDES) {
      for (const region of regionsOnSide(side)) {
        const centre = regionCentre(side, region);
        if (centre) expect(nearestRegion(side, centre)).toBe(region);
      }
    }
  });

  it('names a clicked point after the nearest region', () => {
    expect(nearestRegion('front', { x: 0.52, y: 0.05 })).toBe('head');
    expect(nearestRegion('front', { x: 0.48, y: 0.43 })).toBe('belly');
    expect(nearestRegion('back', { x: 0.5, y: 0.5 })).toBe('buttocks');
    expect(nearestRegion('front', { x: 0.1, y: 0.55 })).toBe('right-hand');
    expect(nearestRegion('back', { x: 0.1, y: 0.55 })).toBe('left-hand');
  });
});

describe('the API schema for the body map', () => {
  it('accepts a mark and stores an empty colour as none', () => {
    expect(bodyMapMarkSchema.parse(mark({ colour: '  ' }))).toEqual(mark({ colour: null }));
    expect(bodyMapMarkSchema.parse({ ...mark(), description: '  Plek op de arm.  ' }).description).toBe('Plek op de arm.');
  });

  it('refuses an unknown side or type', () => {
    expect(bodyMapMarkSchema.safeParse({ ...mark(), side: 'left' }).success).toBe(false);
    expect(bodyMapMarkSchema.safeParse({ ...mark(), type: 'wound' }).success).toBe(false);
    for (const type of BODY_MARK_TYPES) expect(bodyMapMarkSchema.safeParse(mark({ type })).success).toBe(true);
  });

  it('refuses more marks than the domain allows', () => {
    expect(bodyMapSchema.safeParse(Array.from({ length: BODY_MAP_LIMITS.maxMarks }, () => mark())).success).toBe(true);
    expect(bodyMapSchema.safeParse(Array.from({ length: BODY_MAP_LIMITS.maxMarks + 1 }, () => mark())).success).toBe(false);
  });

  it('agrees with the domain about every single mark', () => {
    const anyMark = fc.record({
      side: fc.constantFrom(...BODY_SIDES),
      x: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
      y: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
      type: fc.constantFrom(...BODY_MARK_TYPES),
      // Letters only, no outer spaces: trimming is the schema's own business and tested above.
      colour: fc.option(fc.stringMatching(/^[a-z-]{1,60}$/), { nil: null }),
      sizeCm: fc.option(fc.double({ min: -10, max: 150, noNaN: true }), { nil: null }),
      description: fc.stringMatching(/^[a-z .]{0,520}$/).map((text) => text.trim()),
    });
    fc.assert(
      fc.property(anyMark, (candidate) => {
        const schemaAccepts = bodyMapMarkSchema.safeParse(candidate).success;
        const domainAccepts = validateBodyMap([candidate]).length === 0;
        expect(schemaAccepts).toBe(domainAccepts);
      }),
    );
  });
});
