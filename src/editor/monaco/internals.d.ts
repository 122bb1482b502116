/**
 * Types for the few monaco-editor internals the code lab's TypeScript worker builds on. The
 * package ships no declarations for them; these cover only what we call.
 */
declare module 'monaco-editor/languages/features/typescript/lib/typescriptServices' {
  import type * as TS from 'typescript';
  /** The TypeScript compiler bundled into Monaco's TypeScript worker. */
  export const typescript: typeof TS;
}

declare module 'monaco-editor/languages/features/typescript/tsWorker' {
  import type * as TS from 'typescript';
  /** Monaco's TypeScript language-service host, running inside its worker. */
  export class TypeScriptWorker {
    constructor(ctx: unknown, createData: unknown);
    getLanguageService(): TS.LanguageService;
    getScriptText(fileName: string): Promise<string | undefined>;
  }
}

declare module 'monaco-editor/internal/common/initialize' {
  /** Starts a Monaco worker whose host object is built by `create`. */
  export function initialize(create: (ctx: unknown, createData: unknown) => object): void;
}
