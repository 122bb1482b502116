/** `<ds-playground>` in React JSX (TSX pages, Docusaurus): `import type {} from 'ds-playground/react'`. */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { DsPlaygroundAttributes, DsPlaygroundElement } from './index';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ds-playground': DetailedHTMLProps<HTMLAttributes<DsPlaygroundElement>, DsPlaygroundElement> &
        DsPlaygroundAttributes;
    }
  }
}
