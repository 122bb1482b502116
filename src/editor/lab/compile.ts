/** The lab's compile step, run in Monaco's TypeScript worker (see ../monaco/labTsWorker.ts). */
import type { Uri } from 'monaco-editor/editor/editor.api';
import { ScriptTarget } from 'monaco-editor/languages/features/typescript/register';
import type { LabEmitResult } from '../monaco/labTsWorker';
import { getTypeScriptWorker, typescriptDefaults } from '../monaco/setup';

export type { LabEmitResult };

interface LabWorkerProxy {
  labEmit(fileName: string, exportName: string): Promise<LabEmitResult>;
}

/** Compiles the learner's file: type errors, disallowed syntax, instrumented JS, source map. */
export async function compileLab(uri: Uri, exportName: string): Promise<LabEmitResult> {
  const getWorker = await getTypeScriptWorker();
  const proxy = (await getWorker(uri)) as unknown as LabWorkerProxy;
  return proxy.labEmit(uri.toString(), exportName);
}

/** Compiler settings for lab files: strict TypeScript, ES2022, no DOM (the code runs in a worker). */
export function configureTypeScript(): void {
  typescriptDefaults.setCompilerOptions({
    // Type checking only: the sandbox's code is emitted by emitGuarded (ES2022, ES modules).
    target: ScriptTarget.ES2020,
    module: 99 /* ESNext */,
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noImplicitReturns: true,
    allowNonTsExtensions: true,
    moduleDetection: 3 /* force: every file is a module */,
  });
}

/** Loads a lab's typings; returns a function that unloads them. */
export function addTypings(model: string, typings: string): () => void {
  const lib = typescriptDefaults.addExtraLib(typings, `file:///dsp-lab/${model}.d.ts`);
  return () => lib.dispose();
}
