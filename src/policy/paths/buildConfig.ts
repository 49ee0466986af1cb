// Files that decide what runs in builds, CI and deployments (shared by file tools' writes and shell commands that
// change files by their content, such as `patch`).
import picomatch from 'picomatch';

/**
 * Files that decide what runs in builds, CI and deployments: an edit there is code that runs elsewhere, so it is
 * shown with its diff (review) even when nothing in it is a secret or a permission.
 */
export const isBuildConfig = picomatch(
  [
    '**/.github/workflows/**', '**/.github/actions/**', '**/.gitlab-ci.yml', '**/.circleci/**', '**/azure-pipelines.yml', '**/Jenkinsfile', '**/.buildkite/**',
    '**/Dockerfile', '**/Dockerfile.*', '**/*.dockerfile', '**/docker-compose*.y?(a)ml', '**/compose.y?(a)ml',
    '**/package.json', '**/pyproject.toml', '**/setup.py', '**/setup.cfg', '**/Cargo.toml', '**/build.gradle?(.kts)', '**/pom.xml', '**/Makefile', '**/*.mk', '**/justfile', '**/Rakefile', '**/Gemfile',
    '**/*.tf', '**/kustomization.y?(a)ml', '**/Chart.yaml', '**/.gitmodules', '**/.gitattributes', '**/.pre-commit-config.yaml', '**/.husky/**',
    // Config that picks what a package manager or test runner runs on every invocation (yarnPath, pnpm hooks, bun
    // preload, pytest addopts/plugins, mocha require).
    '**/.yarnrc.yml', '**/.yarnrc', '**/.pnpmfile.cjs', '**/bunfig.toml', '**/pytest.ini', '**/tox.ini', '**/.mocharc.*',
  ],
  { dot: true },
);

