/**
 * The lichaamskaart (BodyMap): injuries marked on the outline of a child's body, front and back.
 * The meldcode asks for injuries to be described by kind, colour, shape and place and marked on a
 * body outline; a mark holds exactly that, and its description holds the rest in words.
 *
 * Coordinates are fractions (0..1) of the box around one side's outline, so a mark means the same
 * place however large the drawing is shown. "Left" and "right" are always the child's.
 */

export const BODY_SIDES = ['front', 'back'] as const;
export type BodySide = (typeof BODY_SIDES)[number];

export const BODY_MARK_TYPES = ['bruise', 'burn', 'cut', 'scratch', 'bite', 'swelling', 'scar', 'other'] as const;
export type BodyMarkType = (typeof BODY_MARK_TYPES)[number];

export interface BodyMapMark {
  side: BodySide;
  /** 0 is the left edge of the outline's box as one looks at it, 1 the right edge. */
  x: number;
  /** 0 is the top of the head, 1 the soles of the feet. */
  y: number;
  type: BodyMarkType;
  /** Free and short, in the writer's words: "blauw-paars", "geelgroen". */
  colour: string | null;
  /** The largest measure, in centimetres; null when not measured. */
  sizeCm: number | null;
  description: string;
}

/** A body map is its marks, in the order they were placed; a mark's number is its position + 1. */
export type BodyMap = readonly BodyMapMark[];

/** The limits a body map must keep; the API schema is built from the same numbers. */
export const BODY_MAP_LIMITS = {
  maxMarks: 30,
  maxDescriptionLength: 500,
  maxColourLength: 50,
  /** A size must be more than 0 (no size is null) and at most this. */
  maxSizeCm: 100,
} as const;

export type BodyMapProblemCode = 'too-many-marks' | 'coordinate-out-of-range' | 'description-too-long' | 'colour-too-long' | 'size-out-of-range';

export interface BodyMapProblem {
  code: BodyMapProblemCode;
  /** The mark's position in the list (0-based), or null for a problem of the whole map. */
  markIndex: number | null;
}

/** What is wrong with a body map, mark by mark; an empty list means it can be kept as it is. */
export function validateBodyMap(marks: BodyMap): BodyMapProblem[] {
  const problems: BodyMapProblem[] = [];
  if (marks.length > BODY_MAP_LIMITS.maxMarks) problems.push({ code: 'too-many-marks', markIndex: null });
  marks.forEach((mark, markIndex) => {
    if (!isFraction(mark.x) || !isFraction(mark.y)) problems.push({ code: 'coordinate-out-of-range', markIndex });
    if (mark.description.length > BODY_MAP_LIMITS.maxDescriptionLength) problems.push({ code: 'description-too-long', markIndex });
    if (mark.colour !== null && mark.colour.length > BODY_MAP_LIMITS.maxColourLength) problems.push({ code: 'colour-too-long', markIndex });
    if (mark.sizeCm !== null && !(mark.sizeCm > 0 && mark.sizeCm <= BODY_MAP_LIMITS.maxSizeCm)) problems.push({ code: 'size-out-of-range', markIndex });
  });
  return problems;
}

// Written as a positive test so that NaN, which fails every comparison, is out of range too.
function isFraction(value: number): boolean {
  return value >= 0 && value <= 1;
}

/**
 * Body regions, so that a mark can be placed without a mouse and a placed mark can be named in
 * words. Left and right are the child's own.
 */
export const BODY_REGIONS = [
  'head',
  'neck',
  'chest',
  'belly',
  'back',
  'buttocks',
  'right-arm',
  'left-arm',
  'right-hand',
  'left-hand',
  'right-leg',
  'left-leg',
  'right-foot',
  'left-foot',
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

export interface BodyPoint {
  x: number;
  y: number;
}

/** The outline's box is twice as high as it is wide (a viewBox of 100 by 200 in the drawing). */
export const OUTLINE_HEIGHT_PER_WIDTH = 2;

/**
 * The centre of each region in the outline's box, as drawn by src/web/components/BodyMap.tsx: change
 * the two together. On the front the child faces us, so its right side is on our left; on the back
 * its right side is on our right.
 */
const FRONT: Readonly<Partial<Record<BodyRegion, BodyPoint>>> = {
  head: { x: 0.5, y: 0.085 },
  neck: { x: 0.5, y: 0.16 },
  chest: { x: 0.5, y: 0.255 },
  belly: { x: 0.5, y: 0.4 },
  'right-arm': { x: 0.255, y: 0.355 },
  'left-arm': { x: 0.745, y: 0.355 },
  'right-hand': { x: 0.205, y: 0.535 },
  'left-hand': { x: 0.795, y: 0.535 },
  'right-leg': { x: 0.415, y: 0.7 },
  'left-leg': { x: 0.585, y: 0.7 },
  'right-foot': { x: 0.4, y: 0.94 },
  'left-foot': { x: 0.6, y: 0.94 },
};

const BACK: Readonly<Partial<Record<BodyRegion, BodyPoint>>> = {
  head: { x: 0.5, y: 0.085 },
  neck: { x: 0.5, y: 0.16 },
  back: { x: 0.5, y: 0.3 },
  buttocks: { x: 0.5, y: 0.475 },
  'left-arm': { x: 0.255, y: 0.355 },
  'right-arm': { x: 0.745, y: 0.355 },
  'left-hand': { x: 0.205, y: 0.535 },
  'right-hand': { x: 0.795, y: 0.535 },
  'left-leg': { x: 0.415, y: 0.7 },
  'right-leg': { x: 0.585, y: 0.7 },
  'left-foot': { x: 0.4, y: 0.94 },
  'right-foot': { x: 0.6, y: 0.94 },
};

const CENTRES: Readonly<Record<BodySide, Readonly<Partial<Record<BodyRegion, BodyPoint>>>>> = { front: FRONT, back: BACK };

/** The regions that can be seen from one side, in the order of BODY_REGIONS (head first). */
export function regionsOnSide(side: BodySide): BodyRegion[] {
  return BODY_REGIONS.filter((region) => CENTRES[side][region] !== undefined);
}

/** Where a region's centre lies on one side; null for a region not seen from it (the back from the front). */
export function regionCentre(side: BodySide, region: BodyRegion): BodyPoint | null {
  return CENTRES[side][region] ?? null;
}

/**
 * The region whose centre is nearest to a point: a name for a mark placed by clicking, such as
 * "near the belly". It is a hint for reading the map, not a finding; the description says what it is.
 * The box is twice as high as it is wide, so distances are measured in the outline's own proportions.
 */
export function nearestRegion(side: BodySide, point: BodyPoint): BodyRegion {
  let best: BodyRegion = 'head';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const region of regionsOnSide(side)) {
    const centre = CENTRES[side][region];
    if (!centre) continue;
    const distance = Math.hypot(point.x - centre.x, (point.y - centre.y) * OUTLINE_HEIGHT_PER_WIDTH);
    if (distance < bestDistance) {
      best = region;
      bestDistance = distance;
    }
  }
  return best;
}
