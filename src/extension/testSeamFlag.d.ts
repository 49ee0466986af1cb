// Defined by scripts/build.mjs: true in development and test builds, false in `--production` (the .vsix), where the
// integration tests' seam (testSeam.ts) is compiled out.
declare const COUNTERSIGN_TEST_SEAM: boolean;
