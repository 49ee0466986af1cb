// Issue 12 item 10: where command-line tools keep logins and tokens are sensitive paths, each labelled with its tool,
// for reads in every agent's format and for shell commands; ordinary project files of similar names are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENTS, READ_FORMATS, SHELL_FORMATS } from '../adversarial/agentFormats';
import { SECRET_PATHS, defaultSensitiveGlobs } from '../../../src/policy/paths/defaults';
import { evaluate } from './policyHarness';

const H = '/home/dev';
const P = '/home/dev/proj';

/** [path, the tool its label must name] */
const CREDENTIALS: [string, RegExp][] = [
  ['/etc/kubernetes/admin.conf', /Kubernetes/],
  ['/etc/kubernetes/super-admin.conf', /Kubernetes/],
  [`${P}/deploy/prod.kubeconfig`, /Kubernetes/],
  [`${P}/kubeconfig.yaml`, /Kubernetes/],
  [`${H}/.kube/prod.yaml`, /Kubernetes/],
  ['/etc/rancher/k3s/k3s.yaml', /k3s/],
  ['/etc/rancher/rke2/rke2.yaml', /RKE2/],
  ['/var/lib/rancher/k3s/server/token', /k3s/],
  ['/var/lib/rancher/k3s/server/node-token', /k3s/],
  [`${H}/.m2/settings.xml`, /Maven/],
  [`${H}/.gradle/gradle.properties`, /Gradle/],
  [`${H}/.cache/huggingface/token`, /Hugging Face/],
  [`${H}/.huggingface/token`, /Hugging Face/],
  [`${P}/.dev.vars`, /Wrangler/],
  [`${P}/.dev.vars.production`, /Wrangler/],
  [`${H}/.config/.wrangler/config/default.toml`, /Wrangler/],
  [`${H}/.wrangler/config/default.toml`, /Wrangler/],
  [`${H}/.config/rclone/rclone.conf`, /rclone/],
  ['/run/user/1000/containers/auth.json', /container registry/],
  [`${H}/.config/containers/auth.json`, /container registry/],
  [`${H}/.databrickscfg`, /Databricks/],
  [`${H}/.config/stripe/config.toml`, /Stripe/],
  [`${H}/.yarnrc.yml`, /yarn/],
  [`${H}/.config/pip/pip.conf`, /pip/],
  [`${H}/.pip/pip.conf`, /pip/],
  [`${H}/.config/pypoetry/auth.toml`, /Poetry/],
  [`${H}/Library/Application Support/pypoetry/auth.toml`, /Poetry/],
  [`${H}/.nuget/NuGet/NuGet.Config`, /NuGet/],
  [`${H}/.vercel/auth.json`, /Vercel/],
  [`${H}/.local/share/com.vercel.cli/auth.json`, /Vercel/],
  [`${H}/.netlify/config.json`, /Netlify/],
  [`${H}/.config/netlify/config.json`, /Netlify/],
  [`${H}/.fly/config.yml`, /Fly/],
  [`${H}/.supabase/access-token`, /Supabase/],
  [`${H}/.config/configstore/firebase-tools.json`, /Firebase/],
  [`${H}/.snowflake/connections.toml`, /Snowflake/],
  [`${H}/.dbt/profiles.yml`, /dbt/],
  [`${H}/.pulumi/credentials.json`, /Pulumi/],
  [`${P}/.vault_pass`, /Ansible/],
  [`${P}/.vault_pass.txt`, /Ansible/],
  [`${P}/ansible/vault-password.txt`, /Ansible/],
  ['/etc/chef/encrypted_data_bag_secret', /Chef/],
  ['/etc/wireguard/wg0.conf', /WireGuard/],
  [`${H}/vpn/office.ovpn`, /OpenVPN/],
  [`${H}/.config/sops/age/keys.txt`, /age/],
  ['/var/lib/tailscale/tailscaled.state', /Tailscale/],
  [`${H}/.local/share/atuin/key`, /Atuin/],
  [`${P}/.sentryclirc`, /Sentry/],
  [`${H}/.config/glab-cli/config.yml`, /GitLab/],
  [`${H}/.kaggle/kaggle.json`, /Kaggle/],
  [`${H}/.mylogin.cnf`, /MySQL/],
];

/** Ordinary project files with similar names. */
const ORDINARY = [
  `${P}/.yarnrc.yml`,
  `${P}/gradle.properties`,
  `${P}/profiles.yml`,
  `${P}/NuGet.Config`,
  `${P}/src/kubeconfig.go`,
  `${P}/pkg/kubeconfig/loader.ts`,
  `${P}/.dev.vars.example`,
  `${P}/.vercel/project.json`,
  `${P}/docs/vault.md`,
  `${P}/wrangler.toml`,
  `${P}/pom.xml`,
  `${P}/.netlify/state.json`,
  `${P}/src/ansible/vault_pass_helper.py`,
  `${H}/.kube/cache/discovery/x/serverresources.json`,
];

const SEVERE = new Set(['sensitive', 'blocked']);

test('credential stores of command-line tools are sensitive to read, in every agent format', async () => {
  const misses: string[] = [];
  for (const [path] of CREDENTIALS) {
    for (const agent of AGENTS) {
      const v = await evaluate(READ_FORMATS[agent](path), agent);
      if (!SEVERE.has(v.risk)) misses.push(`${agent} read ${path}: ${v.risk}`);
    }
    const shell = await evaluate(SHELL_FORMATS.claude(`grep -i token '${path}'`), 'claude');
    if (!SEVERE.has(shell.risk)) misses.push(`shell grep ${path}: ${shell.risk}`);
  }
  assert.deepEqual(misses, []);
});

test('each credential location is labelled with the tool it belongs to', async () => {
  for (const [path, tool] of CREDENTIALS) {
    const v = await evaluate(READ_FORMATS.claude(path), 'claude');
    const r = v.reasons.find((x) => x.rule === 'path.secret');
    assert.ok(r, path);
    assert.match(r.message, tool, `${path}: ${r.message}`);
  }
});

test('ordinary project files with similar names are not sensitive', async () => {
  const alarms: string[] = [];
  for (const path of ORDINARY) {
    for (const agent of AGENTS) {
      const v = await evaluate(READ_FORMATS[agent](path), agent);
      if (SEVERE.has(v.risk)) alarms.push(`${agent} read ${path}: ${v.reasons.map((r) => r.message).join(' | ')}`);
    }
  }
  assert.deepEqual(alarms, []);
});

test('every built-in secret rule says what it is; the default list shown in settings holds them all', () => {
  for (const r of SECRET_PATHS) assert.ok(r.label.length > 3, r.glob);
  const shown = new Set(defaultSensitiveGlobs());
  for (const r of SECRET_PATHS) assert.ok(shown.has(r.glob), r.glob);
});
