// dist/gate.js: run as a module by vscode-languageclient it is the LSP gate; required by the CLI it offers the
// headless gate (`countersign gate --headless`).
import { keepGateLean } from './lean';

export { runHeadlessGate } from './headlessMain';

keepGateLean();
// Required, not imported: the headless gate never runs the language server's code (esbuild initialises the module
// on this call only).
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (require.main === module) (require('./lspMain') as typeof import('./lspMain')).runLspGate();
