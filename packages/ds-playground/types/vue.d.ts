/** `<ds-playground>` in Vue templates (VitePress): `import type {} from 'ds-playground/vue'`. */
import type { DefineComponent } from 'vue';
import type { DsPlaygroundAttributes } from './index';

declare module 'vue' {
  interface GlobalComponents {
    'ds-playground': DefineComponent<DsPlaygroundAttributes>;
  }
}
