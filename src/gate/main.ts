// dist/gate.js: run as a module by vscode-languageclient it is the LSP gate; required by the CLI it offers the
// headless gate (`countersign gate --headless`).
import { runLspGate } from './lspMain';

export { runHeadlessGate } from './headlessMain';

if (require.main === module) runLspGate();
