// README's VitePress theme: the default theme, and the element registered from the package's
// SSR-safe export (it does nothing during the build's server rendering).
import DefaultTheme from 'vitepress/theme';
import { defineDsPlayground } from '../../../../../packages/ds-playground/dist/register.js';

/* global __DSP_EMBED_SRC__ */
export default {
  extends: DefaultTheme,
  enhanceApp() {
    void defineDsPlayground({ src: __DSP_EMBED_SRC__ });
  },
};
