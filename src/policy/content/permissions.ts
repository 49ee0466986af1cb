// Configuration whose content changes who may do what: CI token permissions, Kubernetes RBAC and privileged pods,
// IAM policies open to everyone, network rules open to the internet, database/storage rules opened, SQL grants,
// Dockerfiles running as root, and agent settings that switch permission checks off. Each detector is a set of
// line-level patterns scoped to the file types where they mean that (`permissions:` in a workflow, not in a README).
import type { RuleId } from '../reasons';
import type { Risk } from '../types';
import { sqlFileFindings } from '../sql';

export interface ContentFinding {
  rule: RuleId;
  message: string;
  start: number;
  end: number;
  /** Defaults to the rule's risk. */
  risk?: Risk;
}

export interface FileKind {
  /** Lower-case base name. */
  base: string;
  /** Lower-case extension without the dot. */
  ext: string;
  path: string;
}

interface LineRule {
  rule: RuleId;
  re: RegExp;
  message: string;
  /** Whether the rule applies to this file (and content). */
  applies: (f: FileKind, text: string) => boolean;
  /** Lower-case strings one of which a match must contain: a substring test skips the regex for most files. */
  hints?: string[];
  /** A line heuristic for what content/config judges by meaning: used only where that could not parse the text. */
  config?: boolean;
}

/** Rules whose every line pattern is a stand-in for content/config's parsed judgement. */
const CONFIG_RULES = new Set<RuleId>(['content.workflow-permissions', 'content.workflow-secrets', 'content.rbac', 'content.iam', 'content.public-access', 'content.network-open', 'content.privileged', 'content.dockerfile-root']);

const CONFIG_EXT = new Set(['json', 'jsonc', 'json5', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'conf', 'tf', 'hcl', 'tfvars', 'template', 'properties', 'xml', 'env', 'code-workspace', 'rules', 'bicep', 'jsonnet', 'libsonnet', 'cue', 'nix']);

const isConfig = (f: FileKind) => CONFIG_EXT.has(f.ext) || /^(dockerfile|containerfile|\.?[\w-]*rc)$/.test(f.base);
const isWorkflow = (f: FileKind, text: string) => /\/\.(github|gitea|forgejo)\/workflows\/[^/]+\.ya?ml$/i.test(f.path) || (/(^|\n)on:\s/.test(text) && /(^|\n)jobs:\s*\n/.test(text));
const isYamlOrJson = (f: FileKind) => ['yaml', 'yml', 'json', 'jsonc', 'json5', 'jsonnet', 'libsonnet', 'cue', 'tpl'].includes(f.ext);
const isInfra = (f: FileKind) => ['tf', 'hcl', 'tfvars', 'json', 'jsonc', 'yaml', 'yml', 'template', 'bicep', 'ts', 'js', 'py', 'go', 'cs', 'java', 'jsonnet', 'libsonnet'].includes(f.ext);
const isDockerfile = (f: FileKind) => /^(dockerfile|containerfile)(\..*)?$/.test(f.base) || f.ext === 'dockerfile' || f.ext === 'containerfile';
const isCompose = (f: FileKind) => /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(f.base);
const isRules = (f: FileKind) => f.ext === 'rules' || /^(firestore|storage|database)\.rules(\.json)?$/.test(f.base) || f.base === 'database.rules.json';
const isAgentOrEditorConfig = (f: FileKind) =>
  isConfig(f) ||
  /\/\.(claude|gemini|codex|cursor|copilot|cline|clinerules|vscode|github\/hooks)\//.test(f.path) ||
  /(^|\/)(settings|config|cli-config|hooks|mcp)(\.[\w-]+)?\.(json|jsonc|toml|ya?ml)$/.test(f.path);

const WORKFLOW_SCOPES = 'actions|attestations|checks|contents|deployments|discussions|id-token|issues|packages|pages|pull-requests|repository-projects|security-events|statuses|models';

const RULES: LineRule[] = [
  // CI token permissions.
  { rule: 'content.workflow-permissions', re: /^\s*permissions\s*:.*$/gm, message: "Changes the workflow token's permissions.", applies: isWorkflow, hints: ['permissions'] },
  { rule: 'content.workflow-permissions', re: new RegExp(String.raw`^\s*(?:${WORKFLOW_SCOPES})\s*:\s*(?:write|read|none)\b.*$`, 'gm'), message: "Changes the workflow token's permissions.", applies: isWorkflow },
  { rule: 'content.workflow-permissions', re: /\b(?:write-all|read-all)\b/g, message: "Gives the workflow token blanket permissions.", applies: isWorkflow, hints: ['-all'] },
  { rule: 'content.workflow-permissions', re: /\bpull_request_target\b|\bworkflow_run\b/g, message: 'Runs the workflow with repository secrets for code from forks (pull_request_target/workflow_run).', applies: isWorkflow, hints: ['pull_request_target', 'workflow_run'] },

  // Kubernetes RBAC and privileged workloads.
  { rule: 'content.rbac', re: /^\s*["']?kind["']?\s*:\s*["']?(?:Role|ClusterRole|RoleBinding|ClusterRoleBinding)\b["']?/gm, message: 'Defines Kubernetes RBAC (a Role or a binding).', applies: isYamlOrJson, hints: ['role'] },
  { rule: 'content.rbac', re: /^\s*["']?verbs["']?\s*:\s*\[?\s*["']?\*["']?/gm, message: 'Grants every verb (verbs: "*") in a Kubernetes role.', applies: isYamlOrJson, hints: ['verbs'] },
  { rule: 'content.rbac', re: /\bresource\s+"kubernetes_(?:cluster_)?role(?:_binding)?(?:_v1)?"/g, message: 'Defines Kubernetes RBAC in Terraform.', applies: isInfra, hints: ['kubernetes_'] },
  { rule: 'content.secret', re: /^\s*["']?kind["']?\s*:\s*["']?Secret\b["']?\s*$/gm, message: 'Writes a Kubernetes Secret manifest.', applies: isYamlOrJson, hints: ['secret'], config: true },
  { rule: 'content.privileged', re: /^\s*-?\s*["']?hostPath["']?\s*:/gm, message: "Mounts a host path into a pod.", applies: isYamlOrJson, hints: ['hostpath'] },
  { rule: 'content.rbac', re: /\bcluster-admin\b|\bsystem:(?:anonymous|unauthenticated|authenticated|masters)\b/g, message: 'Binds a Kubernetes role to everyone or grants cluster-admin.', applies: (f) => isYamlOrJson(f) || isInfra(f), hints: ['cluster-admin', 'system:'] },
  { rule: 'content.workflow-secrets', re: /\b(?:toJSON|toJson|tojson)\s*\(\s*secrets\s*\)|\bsecrets\s*:\s*inherit\b|\bACTIONS_ALLOW_UNSECURE_COMMANDS\b/g, message: 'Passes every secret at once, or re-enables insecure workflow commands.', applies: isWorkflow, hints: ['secrets', 'unsecure'] },
  { rule: 'content.privileged', re: /^\s*["']?(?:privileged|allowPrivilegeEscalation|hostNetwork|hostPID|hostIPC)["']?\s*:\s*true\b/gm, message: 'Runs a container with host privileges.', applies: (f) => isYamlOrJson(f) || isCompose(f) || f.ext === 'tf' || f.ext === 'hcl', hints: ['privileged', 'privilegeescalation', 'hostnetwork', 'hostpid', 'hostipc'] },
  { rule: 'content.privileged', re: /^\s*["']?runAsUser["']?\s*:\s*0\b|^\s*["']?runAsNonRoot["']?\s*:\s*false\b/gm, message: 'Runs a container as root.', applies: isYamlOrJson, hints: ['runasuser', 'runasnonroot'] },
  { rule: 'content.privileged', re: /\b(?:SYS_ADMIN|NET_ADMIN|SYS_PTRACE|SYS_MODULE|DAC_READ_SEARCH|CAP_SYS_ADMIN)\b|^\s*["']?cap_add["']?\s*:\s*\[?\s*["']?ALL/gm, message: 'Adds powerful Linux capabilities to a container.', applies: (f) => isYamlOrJson(f) || isCompose(f), hints: ['sys_', 'net_admin', 'dac_read', 'cap_add'] },
  { rule: 'content.privileged', re: /\/var\/run\/docker\.sock|^\s*["']?(?:network_mode|pid|ipc|userns_mode)["']?\s*:\s*["']?host\b/gm, message: "Gives a container the host's Docker socket or namespaces.", applies: (f) => isYamlOrJson(f) || isCompose(f), hints: ['docker.sock', 'host'] },

  // IAM: policies, resources, principals open to everyone.
  { rule: 'content.iam', re: /["']?Principal["']?\s*:\s*(?:\{\s*["']?AWS["']?\s*:\s*)?\[?\s*["']\*["']/g, message: 'Grants access to everyone (Principal "*").', applies: isInfra, hints: ['principal'] },
  { rule: 'content.iam', re: /\bidentifiers\s*=\s*\[\s*"\*"\s*\]/g, message: 'Grants access to everyone (identifiers = ["*"]).', applies: isInfra, hints: ['identifiers'] },
  { rule: 'content.iam', re: /["']?Action["']?\s*:\s*\[?\s*["'](?:\*|[a-z0-9-]+:\*)["']|\bactions\s*=\s*\[\s*"(?:\*|[a-z0-9-]+:\*)"/g, message: 'Allows every action of a service ("*").', applies: isInfra, hints: ['action'] },
  { rule: 'content.iam', re: /["']?Statement["']?\s*:\s*\[|^\s*-?\s*["']?Effect["']?\s*:\s*["']?(?:Allow|Deny)\b/gm, message: 'Defines an IAM policy statement.', applies: isInfra, hints: ['statement', 'effect'] },
  {
    rule: 'content.iam',
    re: /\bresource\s+"(?:aws_iam_\w+|aws_\w+_policy|aws_\w+_policy_attachment|aws_lambda_permission|aws_kms_grant|aws_organizations_\w+|google_[\w]*iam_\w+|google_project_iam\w*|azurerm_role_\w+|azuread_\w+|github_repository_collaborator|github_team_\w+|github_branch_protection\w*|github_actions_\w*secret\w*|auth0_\w+|okta_\w+)"/g,
    message: 'Declares cloud or repository access in Terraform.',
    applies: isInfra,
    hints: ['resource'],
  },
  { rule: 'content.iam', re: /\bType\s*:\s*["']?AWS::(?:IAM::\w+|S3::BucketPolicy|Lambda::Permission|SNS::TopicPolicy|SQS::QueuePolicy|KMS::Key|SecretsManager::ResourcePolicy)\b/g, message: 'Declares AWS access in CloudFormation.', applies: isInfra, hints: ['aws::'] },
  { rule: 'content.iam', re: /\bnew\s+iam\.\w+|\bgrant(?:Read|Write|ReadWrite|Invoke|PutAcl|Public)\w*\s*\(|\baddToPolicy\s*\(|\baddToResourcePolicy\s*\(/g, message: 'Grants cloud access in infrastructure code.', applies: (f) => ['ts', 'js', 'py', 'go', 'cs', 'java'].includes(f.ext) && /\/(cdk|infra|infrastructure|stacks?|deploy)\//i.test(f.path), hints: ['iam', 'grant', 'policy'] },
  { rule: 'content.public-access', re: /["']?(?:allUsers|allAuthenticatedUsers)["']?(?!\s*[=(.])/g, message: 'Opens a cloud resource to all users.', applies: (f) => isConfig(f), hints: ['allusers', 'allauthenticatedusers'] },
  {
    rule: 'content.public-access',
    re: /\bacl\s*=\s*"public-read(?:-write)?"|["']?(?:ACL|AccessControl)["']?\s*:\s*["']?(?:public-read|PublicRead|PublicReadWrite)|\b(?:block_public_acls|block_public_policy|ignore_public_acls|restrict_public_buckets)\s*=\s*false|["']?(?:BlockPublicAcls|BlockPublicPolicy|IgnorePublicAcls|RestrictPublicBuckets)["']?\s*:\s*false|\bpublicly_accessible\s*=\s*true|["']?PubliclyAccessible["']?\s*:\s*true|\bpublic_network_access_enabled\s*=\s*true|\ballow_blob_public_access\s*=\s*true/g,
    message: 'Makes storage or a database publicly accessible.',
    applies: isInfra,
    hints: ['public', 'acl', 'accesscontrol'],
  },

  { rule: 'content.public-access', re: /\b(?:authorization(?:_type)?|auth_type)\s*=\s*"NONE"|["']?(?:AuthType|AuthorizationType)["']?\s*:\s*["']?NONE\b/g, message: 'Exposes a function or API with no authentication.', applies: isInfra, hints: ['none'] },
  { rule: 'content.iam', re: /\biam::aws:policy\/(?:AdministratorAccess|PowerUserAccess|IAMFullAccess)\b|["']roles\/(?:owner|editor)["']|\brole_definition_name\s*=\s*"(?:Owner|Contributor|User Access Administrator)"/g, message: 'Grants administrator access.', applies: isInfra, hints: ['policy/', 'roles/', 'role_definition_name'] },

  // Network rules open to the internet.
  { rule: 'content.network-open', re: /0\.0\.0\.0\/0|::\/0|(?<![\d.])0\/0(?![\d.])|\bsource_address_prefix(?:es)?\s*=\s*\[?\s*"(?:\*|Internet|Any)"|["']?sourceAddressPrefix(?:es)?["']?\s*:\s*\[?\s*["'](?:\*|Internet|Any)["']/gi, message: 'Opens network access to the whole internet (0.0.0.0/0).', applies: (f) => isInfra(f) || isConfig(f), hints: ['0.0.0.0/0', '::/0', 'source_address_prefix', 'sourceaddressprefix'] },

  // Database and storage security rules opened.
  { rule: 'content.rules-open', re: /\ballow\s+[a-z, ]+:\s*if\s+true\s*;?|\ballow\s+(?:read|write|create|update|delete|get|list)(?:\s*,\s*(?:read|write|create|update|delete|get|list))*\s*;/g, message: 'Opens security rules to everyone (allow … if true).', applies: isRules, hints: ['allow'] },
  { rule: 'content.rules-open', re: /["']\.(?:read|write|validate)["']\s*:\s*(?:true|["']true["'])/g, message: 'Opens database rules to everyone (".read"/".write": true).', applies: (f) => isRules(f) || f.ext === 'json', hints: ['.read', '.write', '.validate'] },

  // Code that runs by itself later, outside any agent hook.
  { rule: 'perm.persistence', re: /["']runOn["']\s*:\s*["']folderOpen["']/g, message: 'Adds a VS Code task that runs automatically whenever the folder is opened.', applies: (f) => /\/\.vscode\/tasks\.json$|\.code-workspace$/.test(f.path), hints: ['folderopen'] },
  { rule: 'content.privileged', re: /["']--privileged["']|["']--cap-add=(?:ALL|SYS_ADMIN)["']|["']--(?:pid|network|net)=host["']/g, message: 'Starts a container with host privileges.', applies: (f) => isYamlOrJson(f) || f.ext === 'jsonc', hints: ['--privileged', '--cap-add', '=host'] },

  // Dockerfiles.
  { rule: 'content.dockerfile-root', re: /^\s*USER\s+(?:root|0)(?::\S+)?\s*$/gim, message: 'Runs the container as root (USER root).', applies: isDockerfile, hints: ['user'] },
  { rule: 'perm.mode', re: /^\s*(?:COPY|ADD)\b[^\n]*--chmod=\S+/gim, message: 'Sets file modes while copying into the image.', applies: isDockerfile, hints: ['--chmod'], config: true },

  // Agent and editor permission settings, and Countersign's own.
  {
    rule: 'content.agent-permissions',
    re: /\bbypassPermissions\b|dangerously[-_]?skip[-_]?permissions|skipDangerousModePermissionPrompt|dangerously-bypass-approvals-and-sandbox|["']defaultMode["']\s*:\s*["'](?:acceptEdits|dontAsk|bypassPermissions)["']/gi,
    message: "Switches an agent's permission prompts off.",
    applies: isAgentOrEditorConfig,
    hints: ['bypasspermissions', 'skip', 'dangerously', 'defaultmode'],
  },
  {
    rule: 'content.agent-permissions',
    re: /["']?(?:autoApprove|alwaysAllow|autoApproval\w*|autoAccept|allowAllTools|allow_all_tools|yoloMode|yolo|chat\.tools\.(?:global\.|terminal\.|edits\.|urls\.)?autoApprove|chat\.tools\.autoApprove|github\.copilot\.chat\.agent\.autoApprove|chat\.agent\.autoApprove|trust)["']?\s*[:=]\s*(?:true|\[|\{|["'](?!false))/g,
    message: 'Makes an agent approve its own tool calls.',
    applies: isAgentOrEditorConfig,
    hints: ['approv', 'allow', 'autoaccept', 'yolo', 'trust'],
  },
  {
    rule: 'content.agent-permissions',
    re: /\bapproval_policy\s*=\s*["'](?:never|on-failure)["']|\bsandbox_mode\s*=\s*["']danger-full-access["']|["']approvalMode["']\s*:\s*["'](?:yolo|auto_edit)["']|\btrust_level\s*=\s*["']trusted["']|["']security\.workspace\.trust\.enabled["']\s*:\s*false/g,
    message: "Loosens an agent's or the editor's approval and sandbox settings.",
    applies: isAgentOrEditorConfig,
    hints: ['approval', 'sandbox', 'trust'],
  },
  {
    rule: 'content.agent-permissions',
    re: /["']allow["']\s*:\s*\[[^\]]*["'](?:Bash|Bash\(\*\)|Bash\([^)]*:\*\)|Shell\(\*\)|\*|Write|Edit|Write\(\*\)|Edit\(\*\)|WebFetch|mcp__[\w-]+)["']/g,
    message: 'Adds a broad allow rule to an agent’s permissions.',
    applies: isAgentOrEditorConfig,
    hints: ['allow'],
  },
  { rule: 'content.agent-permissions', re: /["'](?:disableAllHooks|disableHooks)["']\s*:\s*true|["']hooks["']\s*:/g, message: "Changes an agent's hooks, which is how Countersign sees its actions.", applies: (f) => /\/\.(claude|gemini|codex|cursor|copilot|github\/hooks|cline)\/|settings(\.local)?\.json$|hooks\.json$/.test(f.path), hints: ['hooks'] },
  { rule: 'content.agent-permissions', re: /["']countersign\.[\w.]+["']\s*:/g, message: "Changes Countersign's own settings.", applies: (f) => f.ext === 'json' || f.ext === 'jsonc' || f.ext === 'code-workspace', hints: ['countersign.'] },
];

/** `configJudged`: content/config parsed this text and judged it by meaning, so its line stand-ins are skipped. */
export function permissionFindings(text: string, file: FileKind, configJudged = false): ContentFinding[] {
  const out: ContentFinding[] = sqlFileFindings(text, file);
  const lower = text.toLowerCase();
  const applies = new Map<LineRule['applies'], boolean>();
  for (const r of RULES) {
    if (configJudged && (r.config || CONFIG_RULES.has(r.rule))) continue;
    if (r.hints && !r.hints.some((h) => lower.includes(h))) continue;
    let ok = applies.get(r.applies);
    if (ok === undefined) applies.set(r.applies, (ok = r.applies(file, text)));
    if (!ok) continue;
    r.re.lastIndex = 0;
    for (let m = r.re.exec(text); m; m = r.re.exec(text)) {
      if (m[0].length === 0) {
        r.re.lastIndex++;
        continue;
      }
      const lead = m[0].length - m[0].trimStart().length;
      out.push({ rule: r.rule, message: r.message, start: m.index + lead, end: m.index + m[0].trimEnd().length });
    }
  }
  return out;
}
