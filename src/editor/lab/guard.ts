/**
 * The code lab's compile-time safety: a TypeScript transformer that puts a call to the loop guard
 * at the top of every loop body and every function body, naming the source line, and a check that
 * rejects what the sandbox does not offer (imports). It takes the `ts` namespace as an argument so
 * the same code runs inside Monaco's TypeScript worker (its copy of the compiler) and in unit
 * tests (the typescript devDependency).
 *
 * The guard itself (./runtime.ts) throws once the current call has run past its time budget, so a
 * `while (true) {}` stops with "line 7" instead of freezing its worker.
 */
import type * as TS from 'typescript';

/** The global the instrumented code calls; the sandbox worker defines it. */
export const GUARD = '__dsp_guard__';

export interface SourceProblem {
  line: number;
  column: number;
  message: string;
}

type Ts = typeof TS;

/** Import statements, `import()`, re-exports and the guard's own name are not allowed. */
export function checkSource(ts: Ts, sf: TS.SourceFile): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const at = (node: TS.Node, message: string) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    problems.push({ line: line + 1, column: character + 1, message });
  };
  const visit = (node: TS.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly)
      at(node, 'Imports are not available in the code lab: everything you need is passed in.');
    else if (ts.isImportEqualsDeclaration(node))
      at(node, 'Imports are not available in the code lab.');
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier)
      at(node, 'Re-exports from other modules are not available in the code lab.');
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      at(node, 'import() is not available in the code lab.');
    else if (ts.isIdentifier(node) && node.text === GUARD)
      at(node, `${GUARD} is reserved for the loop guard.`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

/** Line (1-based) of the top-level exported function or const named `name`, or null. */
export function exportLine(ts: Ts, sf: TS.SourceFile, name: string): number | null {
  const exported = (n: TS.Node) =>
    ts.canHaveModifiers(n) &&
    !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const lineOf = (n: TS.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && exported(st) && st.name?.text === name) return lineOf(st);
    if (ts.isVariableStatement(st) && exported(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === name) return lineOf(st);
  }
  return null;
}

/** A `before` transformer inserting `__dsp_guard__(line)` into loop and function bodies. */
export function loopGuardTransformer(ts: Ts): TS.TransformerFactory<TS.SourceFile> {
  return (context) => (sf) => {
    const f = context.factory;
    const guard = (line: number): TS.Statement =>
      f.createExpressionStatement(
        f.createCallExpression(f.createIdentifier(GUARD), undefined, [
          f.createNumericLiteral(line),
        ]),
      );
    const guarded = (body: TS.Statement, line: number): TS.Block =>
      ts.isBlock(body)
        ? f.updateBlock(body, [guard(line), ...body.statements])
        : f.createBlock([guard(line), body], true);
    const guardedBody = (body: TS.Block | undefined, line: number): TS.Block | undefined =>
      body ? f.updateBlock(body, [guard(line), ...body.statements]) : body;

    const visit = (node: TS.Node): TS.Node => {
      // Lines come from the original node; children are visited first (nested loops).
      const line =
        node.pos >= 0 && node.end <= sf.end
          ? sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1
          : 0;
      const n = ts.visitEachChild(node, visit, context);
      if (ts.isForStatement(n))
        return f.updateForStatement(
          n,
          n.initializer,
          n.condition,
          n.incrementor,
          guarded(n.statement, line),
        );
      if (ts.isForInStatement(n))
        return f.updateForInStatement(n, n.initializer, n.expression, guarded(n.statement, line));
      if (ts.isForOfStatement(n))
        return f.updateForOfStatement(
          n,
          n.awaitModifier,
          n.initializer,
          n.expression,
          guarded(n.statement, line),
        );
      if (ts.isWhileStatement(n))
        return f.updateWhileStatement(n, n.expression, guarded(n.statement, line));
      if (ts.isDoStatement(n))
        return f.updateDoStatement(n, guarded(n.statement, line), n.expression);
      if (ts.isFunctionDeclaration(n))
        return f.updateFunctionDeclaration(
          n,
          n.modifiers,
          n.asteriskToken,
          n.name,
          n.typeParameters,
          n.parameters,
          n.type,
          guardedBody(n.body, line),
        );
      if (ts.isFunctionExpression(n))
        return f.updateFunctionExpression(
          n,
          n.modifiers,
          n.asteriskToken,
          n.name,
          n.typeParameters,
          n.parameters,
          n.type,
          guardedBody(n.body, line) ?? f.createBlock([]),
        );
      if (ts.isArrowFunction(n)) {
        const body = ts.isBlock(n.body)
          ? f.updateBlock(n.body, [guard(line), ...n.body.statements])
          : f.createBlock([guard(line), f.createReturnStatement(n.body)], true);
        return f.updateArrowFunction(
          n,
          n.modifiers,
          n.typeParameters,
          n.parameters,
          n.type,
          n.equalsGreaterThanToken,
          body,
        );
      }
      if (ts.isMethodDeclaration(n))
        return f.updateMethodDeclaration(
          n,
          n.modifiers,
          n.asteriskToken,
          n.name,
          n.questionToken,
          n.typeParameters,
          n.parameters,
          n.type,
          guardedBody(n.body, line),
        );
      if (ts.isGetAccessorDeclaration(n))
        return f.updateGetAccessorDeclaration(
          n,
          n.modifiers,
          n.name,
          n.parameters,
          n.type,
          guardedBody(n.body, line),
        );
      if (ts.isSetAccessorDeclaration(n))
        return f.updateSetAccessorDeclaration(
          n,
          n.modifiers,
          n.name,
          n.parameters,
          guardedBody(n.body, line),
        );
      return n;
    };
    return ts.visitNode(sf, visit, ts.isSourceFile);
  };
}

export interface LabEmit {
  /** The instrumented JavaScript (an ES module), without a sourceMappingURL comment. */
  js: string;
  /** Its source map (version 3), mapping back to the learner's TypeScript. */
  map: string;
  problems: SourceProblem[];
}

/** Compiles one learner file: checks, instruments and transpiles it with a source map. */
export function emitGuarded(ts: Ts, source: string, fileName = 'lab.ts'): LabEmit {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const problems = checkSource(ts, sf);
  const out = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      sourceMap: true,
      removeComments: false,
    },
    transformers: { before: [loopGuardTransformer(ts)] },
  });
  for (const d of out.diagnostics ?? []) {
    const pos = d.file && d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start) : null;
    problems.push({
      line: pos ? pos.line + 1 : 1,
      column: pos ? pos.character + 1 : 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    });
  }
  return {
    js: out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'),
    map: out.sourceMapText ?? '',
    problems,
  };
}
