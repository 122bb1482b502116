/**
 * Monaco's TypeScript worker with one more method, `labEmit`: the code lab's compile step
 * (check, loop guard, transpile with a source map) runs here, with the TypeScript compiler Monaco
 * already loaded, so the page ships one copy of it. Monaco's language features (diagnostics,
 * completion, hover) use this same worker.
 */
import { initialize } from 'monaco-editor/internal/common/initialize';
import { typescript as ts } from 'monaco-editor/languages/features/typescript/lib/typescriptServices';
import { TypeScriptWorker } from 'monaco-editor/languages/features/typescript/tsWorker';
import { emitGuarded, exportLine, type LabEmit, type SourceProblem } from '../lab/guard';

export interface LabEmitResult extends LabEmit {
  /** Line of the exported function the lab calls, or null when it is missing. */
  exportLine: number | null;
}

class LabTypeScriptWorker extends TypeScriptWorker {
  /** Type-checks `fileName`, then compiles it for the sandbox. */
  async labEmit(fileName: string, exportName: string): Promise<LabEmitResult> {
    const text = (await this.getScriptText(fileName)) ?? '';
    const service = this.getLanguageService();
    const sf = service.getProgram()?.getSourceFile(fileName);
    const problems: SourceProblem[] = [];
    for (const d of [
      ...service.getSyntacticDiagnostics(fileName),
      ...service.getSemanticDiagnostics(fileName),
    ]) {
      if (d.category !== ts.DiagnosticCategory.Error) continue;
      const pos = sf && d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start) : null;
      problems.push({
        line: pos ? pos.line + 1 : 1,
        column: pos ? pos.character + 1 : 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      });
    }
    const emitted = emitGuarded(ts, text);
    const source = ts.createSourceFile('lab.ts', text, ts.ScriptTarget.ES2022, true);
    // transpileModule reports syntax errors the language service already did.
    const seen = new Set(problems.map((p) => `${p.line}:${p.message}`));
    return {
      ...emitted,
      problems: [
        ...problems,
        ...emitted.problems.filter((p) => !seen.has(`${p.line}:${p.message}`)),
      ],
      exportLine: exportLine(ts, source, exportName),
    };
  }
}

// What Monaco's own ts.worker.js does, with the subclass.
self.onmessage = () => {
  initialize((ctx, createData) => new LabTypeScriptWorker(ctx, createData));
};
