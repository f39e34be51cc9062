/**
 * Diagnose a bundle, a folder or several files as one cluster. Pure (no fs, no DOM): the CLI and the
 * diagnose page read the bytes and run the engine; this module decides what to read and maps the
 * engine's answer back to files.
 *
 * ```ts
 * const { files, skipped } = readTar(inflatedBytes);          // or files read from a folder
 * const report = await diagnoseBundle(prepareBundle(files, skipped), (text) => diagnose(text, ruleSet));
 * ```
 */
export { readTar, isGzip, cleanPath, BundleError, type BundleContents, type BundleFile, type SkippedFile } from './tar.ts';
export { prepareBundle } from './prepare.ts';
export { diagnoseBundle, type BundleReport, type BundleFinding } from './diagnose.ts';
export * from './limits.ts';
