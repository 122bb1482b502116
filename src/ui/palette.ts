/**
 * Colours that stay distinguishable with the common colour-vision deficiencies (Okabe & Ito),
 * always paired with a shape and a label so colour is never the only cue.
 */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
  '#999999', // grey
] as const;

export const SHAPES = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'cross',
  'star',
  'wye',
  'hexagon',
] as const;
export type Shape = (typeof SHAPES)[number];

/** Colour for series or node `i`: cycles the palette. */
export const colorOf = (i: number): string =>
  OKABE_ITO[((i % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length]!;

/** Shape for node `i`: changes every palette cycle, so colours repeat with different shapes. */
export const shapeOf = (i: number): Shape =>
  SHAPES[Math.floor(Math.max(0, i) / OKABE_ITO.length) % SHAPES.length]!;

/** SVG path for a shape of radius r centred on the origin. */
export function shapePath(shape: Shape, r: number): string {
  const f = (n: number): string => n.toFixed(2);
  switch (shape) {
    case 'circle':
      return `M${f(r)},0A${f(r)},${f(r)} 0 1,1 ${f(-r)},0A${f(r)},${f(r)} 0 1,1 ${f(r)},0Z`;
    case 'square':
      return `M${f(-r)},${f(-r)}H${f(r)}V${f(r)}H${f(-r)}Z`;
    case 'triangle':
      return `M0,${f(-r * 1.15)}L${f(r * 1.1)},${f(r * 0.8)}H${f(-r * 1.1)}Z`;
    case 'diamond':
      return `M0,${f(-r * 1.3)}L${f(r)},0L0,${f(r * 1.3)}L${f(-r)},0Z`;
    case 'cross': {
      const a = r * 0.38;
      return `M${f(-a)},${f(-r)}H${f(a)}V${f(-a)}H${f(r)}V${f(a)}H${f(a)}V${f(r)}H${f(-a)}V${f(a)}H${f(-r)}V${f(-a)}H${f(-a)}Z`;
    }
    case 'star': {
      const pts: string[] = [];
      for (let i = 0; i < 10; i++) {
        const rad = i % 2 === 0 ? r * 1.2 : r * 0.5;
        const a = (Math.PI / 5) * i - Math.PI / 2;
        pts.push(`${f(rad * Math.cos(a))},${f(rad * Math.sin(a))}`);
      }
      return `M${pts.join('L')}Z`;
    }
    case 'wye': {
      const pts: string[] = [];
      for (let i = 0; i < 6; i++) {
        const rad = i % 2 === 0 ? r * 1.2 : r * 0.45;
        const a = (Math.PI / 3) * i - Math.PI / 2;
        pts.push(`${f(rad * Math.cos(a))},${f(rad * Math.sin(a))}`);
      }
      return `M${pts.join('L')}Z`;
    }
    case 'hexagon': {
      const pts: string[] = [];
      for (let i = 0; i < 6; i++) {
        const a = (Math.PI / 3) * i;
        pts.push(`${f(r * Math.cos(a))},${f(r * Math.sin(a))}`);
      }
      return `M${pts.join('L')}Z`;
    }
  }
}
