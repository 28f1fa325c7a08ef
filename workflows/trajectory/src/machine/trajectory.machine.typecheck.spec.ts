import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

const MACHINE = resolve(__dirname, 'trajectory.machine.ts');
const ROOT = resolve(__dirname, '../../../..');

/** Type-checks the machine file with `edit` applied to its source, as `npm run typecheck` would. */
function diagnosticsOf(edit: (source: string) => string): { line: string; message: string }[] {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('cannot read tsconfig.json');
  const options = { ...config.options, noEmit: true, incremental: false, tsBuildInfoFile: undefined };
  const host = ts.createCompilerHost(options);
  const edited = edit(readFileSync(MACHINE, 'utf8'));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    resolve(fileName) === MACHINE ? ts.createSourceFile(fileName, edited, languageVersion, true) : getSourceFile(fileName, languageVersion, ...rest);
  const program = ts.createProgram([MACHINE], options, host);
  const file = program.getSourceFile(MACHINE)!;
  return program.getSemanticDiagnostics(file).map((d) => ({
    line: edited.split('\n')[file.getLineAndCharacterOfPosition(d.start ?? 0).line].trim(),
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

describe('the trajectory machine names are checked by the compiler', () => {
  it('fails tsc on a misspelt guard and a misspelt event, and only there', () => {
    const source = readFileSync(MACHINE, 'utf8');
    expect(source).toContain("PointRecorded: { guard: 'canRecordPoint', actions: apply }");
    expect(source).toContain('VeilleVisitRecorded: { actions: apply }');
    const diagnostics = diagnosticsOf((s) =>
      s
        .replace("PointRecorded: { guard: 'canRecordPoint', actions: apply }", "PointRecorded: { guard: 'canRecordPont', actions: apply }")
        .replace('VeilleVisitRecorded: { actions: apply }', 'VeilleVisitRecordd: { actions: apply }'),
    );
    expect(diagnostics.map((d) => d.line).sort()).toEqual(["PointRecorded: { guard: 'canRecordPont', actions: apply },", 'VeilleVisitRecordd: { actions: apply },']);
    expect(diagnostics.find((d) => d.line.startsWith('VeilleVisitRecordd'))?.message).toContain("'VeilleVisitRecordd' does not exist");
  });
});
