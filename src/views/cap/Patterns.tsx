/** SVG patterns that pair each outcome's colour with a texture (ids unique per drawing). */
import { OUTCOME } from './style';

export const patternId = (prefix: string, name: 'fail' | 'info' | 'sideB' | 'draftB'): string =>
  `${prefix}-${name}`;

export function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern
        id={patternId(prefix, 'fail')}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill={OUTCOME.fail.color} fillOpacity="0.22" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={OUTCOME.fail.color} strokeWidth="2.4" />
      </pattern>
      <pattern id={patternId(prefix, 'info')} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={OUTCOME.info.color} fillOpacity="0.25" />
        <circle cx="3" cy="3" r="1.3" fill={OUTCOME.info.color} />
      </pattern>
      <pattern
        id={patternId(prefix, 'sideB')}
        width="10"
        height="10"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(-45)"
      >
        <line x1="0" y1="0" x2="0" y2="10" className="cap-hatch-line" strokeWidth="3" />
      </pattern>
      <pattern
        id={patternId(prefix, 'draftB')}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <line x1="0" y1="0" x2="0" y2="6" className="cap-draft-line" strokeWidth="2" />
      </pattern>
    </defs>
  );
}
