// Multi-level CLIs read by their own grammar: global options before, between and after the subcommand (`--opt v`,
// `--opt=v`, `-nprod`) never hide a command that prints or mints credentials or changes access; the ordinary
// read-only look-alikes of the same CLIs never come back sensitive. Every case in every agent's payload format.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RISK_ORDER, type Verdict } from '../../../src/policy';
import type { RuleId } from '../../../src/policy/reasons';
import { readCli, pathOf, GRAMMARS } from '../../../src/policy/shell/commands/cliGrammar';
import { secretKey } from '../../../src/policy/shell/commands/cliRules';
import type { Word } from '../../../src/policy/shell/words';
import { AGENTS, SHELL_FORMATS } from '../adversarial/agentFormats';
import { policy } from './policyHarness';

const SECRET: RuleId = 'secret.credential-cli';

interface CliCases {
  cli: string;
  /** Each must be sensitive (or blocked), with this rule among its reasons. */
  sensitive: [command: string, rule: RuleId][];
  /** Each must stay below sensitive. */
  ordinary: string[];
}

const CASES: CliCases[] = [
  {
    cli: 'kubectl and friends',
    sensitive: [
      ['kubectl -n prod get secret db -o yaml', SECRET],
      ['kubectl get secret -n prod db -o yaml', SECRET],
      ['kubectl get secret db -n prod -o yaml', SECRET],
      ['kubectl --namespace=prod get secrets', SECRET],
      ['kubectl -nprod get secret db -oyaml', SECRET],
      ['kubectl -n=prod get secret db', SECRET],
      ["kubectl --context prod --namespace prod get secrets/db -o jsonpath='{.data.password}'", SECRET],
      ['kubectl get secrets --all-namespaces', SECRET],
      ['kubectl get -A secrets -o json', SECRET],
      ['kubectl describe secret db', SECRET],
      ['kubectl get secret,configmap -n prod', SECRET],
      ['kubectl --request-timeout 5s get secret x', SECRET],
      ['kubectl --some-new-flag prod get secret x', SECRET],
      ['oc get secret db -n prod -o yaml', SECRET],
      ['oc whoami -t', SECRET],
      ['oc whoami --show-token', SECRET],
      ['k3s kubectl get secret -A', SECRET],
      ['microk8s kubectl get secret db', SECRET],
      ['microk8s.kubectl -n prod get secrets', SECRET],
      ['minikube kubectl -- get secrets -A', SECRET],
      ['kubectl create token default -n prod', SECRET],
      ['kubectl view-secret db password', SECRET],
      ['kubectl $FLAGS get secret', SECRET],
      ['kubectl -n "$NS" get secret "$NAME" -o yaml', SECRET],
      ['watch -n 5 kubectl get secret', SECRET],
      ['kubectl get "secret" db', SECRET],
      ['kubectl get Secrets -n prod', SECRET],
      ['kubectl get all,secrets -n prod', SECRET],
      ['kubectl -n prod get secret db -o json | jq -r .data.password | base64 -d', SECRET],
      ['kubectl -n prod create token deployer --duration=8760h', SECRET],
      ['kubectl config view --raw', SECRET],
      ['kubectl config view --minify --raw', SECRET],
      ['kubectl --context x config view --raw=true', SECRET],
      ['kubectl config view --flatten', SECRET],
      ['kubectl -n prod create rolebinding x --clusterrole=admin --user=bob', 'perm.rbac'],
      ['kubectl --namespace prod create clusterrolebinding x --clusterrole=cluster-admin --serviceaccount=default:x', 'perm.rbac'],
      ['kubectl auth reconcile -f rbac.yaml', 'perm.rbac'],
      [`kubectl -n prod patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","securityContext":{"privileged":true}}]}}}}'`, 'perm.container'],
      ['kubectl debug node/worker-1 -it --image=busybox', 'perm.container'],
      ['kubectl apply -f rbac.yaml', 'perm.rbac'],
      ['kubectl apply -n prod -f k8s/clusterrolebinding.yaml', 'perm.rbac'],
      ['kubectl --as=system:admin get pods', 'perm.rbac'],
      ['kubectl label ns prod pod-security.kubernetes.io/enforce=privileged', 'perm.container'],
    ],
    ordinary: ['kubectl get pods -n prod', 'kubectl -n prod get pods', 'kubectl --namespace=prod get deploy web -o yaml', 'kubectl get configmap app-config -o yaml', 'kubectl describe pod web-123 -n prod', 'kubectl logs -n prod deploy/web --tail 100', 'kubectl -n prod logs secret-rotator-abc', 'kubectl get pods -l app=secret-manager', 'kubectl get events --field-selector involvedObject.name=secret', 'kubectl config view', 'kubectl config get-contexts', 'kubectl apply -f deploy.yaml', 'kubectl rollout restart deploy/web -n prod', 'kubectl auth can-i get pods', 'kubectl top pods', 'k3s kubectl get nodes', 'kubectl apply -f k8s/deployment.yaml', 'kubectl apply -f controller.yaml', 'kubectl $FLAGS get pods'],
  },
  {
    cli: 'helm',
    sensitive: [
      ['helm get values myrelease -n prod', SECRET],
      ['helm -n prod get values myrelease', SECRET],
      ['helm --kube-context prod get all myrelease', SECRET],
      ['helm get manifest rel --namespace=prod', SECRET],
      ['helm repo add x https://x --username u --password=hunter2', 'secret.literal'],
    ],
    ordinary: ['helm list -A', 'helm -n prod status myrelease', 'helm get notes myrelease', 'helm show values bitnami/postgresql', 'helm template . --values values.yaml', 'helm upgrade --install web ./chart -n prod', 'helm repo add bitnami https://charts.bitnami.com/bitnami', 'helm repo add x https://x --username u --password "$PW"'],
  },
  {
    cli: 'aws',
    sensitive: [
      ['aws --profile prod secretsmanager get-secret-value --secret-id x', SECRET],
      ['aws secretsmanager --region us-east-1 get-secret-value --secret-id x', SECRET],
      ['aws secretsmanager get-secret-value --secret-id x --profile=prod --region=us-east-1', SECRET],
      ['aws --debug --profile prod secretsmanager batch-get-secret-value --secret-id-list a b', SECRET],
      ['aws --region us-east-1 iam create-access-key --user-name bob', SECRET],
      ['aws --output json --profile p iam attach-role-policy --role-name r --policy-arn arn:aws:iam::aws:policy/AdministratorAccess', 'perm.iam'],
      ['aws eks get-token --cluster-name x', SECRET],
      ['aws --region eu-west-1 eks get-token --cluster-name x', SECRET],
      ['aws rds generate-db-auth-token --hostname h --port 5432 --username u', SECRET],
      ['aws --profile=prod sts assume-role --role-arn r --role-session-name s', SECRET],
      ['aws sts get-session-token', SECRET],
      ['aws sso get-role-credentials --role-name r --account-id 1 --access-token t', SECRET],
      ['aws configure get aws_secret_access_key --profile prod', SECRET],
      ['aws configure export-credentials --profile prod', SECRET],
      ['aws --profile prod ecr get-login-password --region us-east-1', SECRET],
      ['aws ssm get-parameters-by-path --path /prod --with-decryption', SECRET],
      ['aws ssm --region us-east-1 get-parameter --name /db/pass --with-decryption', SECRET],
      ['aws kms decrypt --ciphertext-blob fileb://x.enc', SECRET],
      ['aws iam create-login-profile --user-name bob --password P', SECRET],
      ['aws s3api put-bucket-acl --bucket b --acl public-read', 'perm.iam'],
      ['aws s3api --profile p put-bucket-policy --bucket b --policy file://p.json', 'perm.iam'],
      ['aws s3api delete-public-access-block --bucket b', 'perm.iam'],
      ['aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 0.0.0.0/0', 'perm.firewall'],
      ["aws lambda add-permission --function-name f --principal '*' --statement-id s --action lambda:InvokeFunction", 'perm.iam'],
      ['aws lambda create-function-url-config --function-name f --auth-type NONE', 'perm.iam'],
      ['aws s3 cp x s3://b/x --acl public-read', 'perm.iam'],
      ['aws ecr set-repository-policy --repository-name r --policy-text file://p.json', 'perm.iam'],
      ['aws rds authorize-db-security-group-ingress --db-security-group-name x --cidrip 0.0.0.0/0', 'perm.firewall'],
    ],
    ordinary: ['aws s3 ls', 'aws --profile prod s3 ls s3://bucket', 'aws sts get-caller-identity', 'aws --region us-east-1 ec2 describe-instances', 'aws ssm get-parameter --name /app/region', 'aws secretsmanager list-secrets', 'aws secretsmanager describe-secret --secret-id x', 'aws lambda list-functions', 'aws configure list', 'aws eks describe-cluster --name x', 'aws lambda create-function-url-config --function-name f --auth-type AWS_IAM'],
  },
  {
    cli: 'gcloud',
    sensitive: [
      ['gcloud auth print-access-token', SECRET],
      ['gcloud --project p auth print-access-token', SECRET],
      ['gcloud auth --verbosity=debug print-access-token', SECRET],
      ['gcloud auth application-default print-access-token', SECRET],
      ['gcloud beta auth print-identity-token --audiences=x', SECRET],
      ['gcloud secrets versions access latest --secret=db-pass', SECRET],
      ['gcloud --project=p secrets versions access latest --secret db-pass', SECRET],
      ['gcloud projects add-iam-policy-binding p --member=user:x@y.com --role=roles/owner', 'perm.iam'],
      ['gcloud --quiet projects set-iam-policy p policy.json', 'perm.iam'],
      ['gcloud storage buckets add-iam-policy-binding gs://b --member=allUsers --role=roles/storage.objectViewer', 'perm.iam'],
      ['gcloud sql users set-password root --instance=db --password=x', 'perm.iam'],
      ['gcloud container clusters get-credentials c --zone z', SECRET],
      ['gcloud iam service-accounts keys create key.json --iam-account sa@p.iam.gserviceaccount.com', SECRET],
      ['gcloud config set auth/disable_ssl_validation true', 'perm.tls'],
      ['gcloud run deploy web --image x --allow-unauthenticated', 'perm.iam'],
    ],
    ordinary: ['gcloud config list', 'gcloud config get-value project', 'gcloud --impersonate-service-account=sa@p.iam.gserviceaccount.com compute instances list', 'gcloud compute instances list --project p', 'gcloud secrets list', 'gcloud secrets versions list db-pass', 'gcloud auth list', 'gcloud run deploy web --image x --region r', 'gcloud config set project p'],
  },
  {
    cli: 'az',
    sensitive: [
      ['az account get-access-token', SECRET],
      ['az --subscription s account get-access-token --resource https://x', SECRET],
      ['az keyvault secret show --vault-name v --name db', SECRET],
      ['az keyvault secret --debug show -n db --vault-name v', SECRET],
      ['az keyvault secret download --vault-name v -n db -f out.txt', SECRET],
      ['az storage account keys list -g rg -n acct', SECRET],
      ['az role assignment create --assignee bob --role Owner --scope /subscriptions/x', 'perm.iam'],
      ['az ad sp create-for-rbac --name x --role Contributor', SECRET],
      ['az ad group member add --group g --member-id x', 'perm.iam'],
      ['az webapp config appsettings list -g rg -n app', SECRET],
      ['az aks get-credentials -g rg -n c', SECRET],
    ],
    ordinary: ['az account show', 'az group list', 'az vm list -g rg', 'az keyvault secret list --vault-name v', 'az storage blob list --account-name a -c c', 'az webapp list'],
  },
  {
    cli: 'gh',
    sensitive: [
      ['gh auth token', SECRET],
      ['gh auth status --show-token', SECRET],
      ['gh auth status -t', SECRET],
      ['gh auth status --hostname github.com -t', SECRET],
      ['gh config get oauth_token', SECRET],
      ['gh config get -h github.com oauth_token', SECRET],
      ['gh pr merge 3 --admin', 'perm.repo'],
      ['gh pr merge --admin --squash 3', 'perm.repo'],
      ['gh -R o/r pr merge 3 --admin', 'perm.repo'],
      ['gh pr merge -R o/r 3 --admin', 'perm.repo'],
      ['gh api -X PATCH repos/o/r -f visibility=public', 'perm.repo'],
      ['gh api --method PATCH repos/o/r -f private=false', 'perm.repo'],
      ['gh api repos/o/r -X PATCH -F private=false', 'perm.repo'],
      ['gh api -XPATCH repos/o/r --field visibility=public', 'perm.repo'],
      ['gh api --method=PUT repos/o/r/collaborators/bob -f permission=admin', 'perm.repo'],
      ['gh api -X DELETE repos/o/r/branches/main/protection', 'perm.repo'],
      ['gh api -X PATCH repos/o/r -F security_and_analysis[secret_scanning][status]=disabled', 'perm.repo'],
      ['gh repo edit o/r --visibility public', 'perm.repo'],
      ['gh repo edit --visibility=public --accept-visibility-change-consequences', 'perm.repo'],
      ['gh secret set TOKEN -b x', SECRET],
      ['gh secret delete TOKEN', SECRET],
      ['gh ssh-key add ~/.ssh/id_ed25519.pub', SECRET],
    ],
    ordinary: ['gh pr list', 'gh pr view 3', 'gh pr merge 3 --squash', 'gh pr merge --auto --squash 3', 'gh auth status', 'gh config get git_protocol', 'gh repo view o/r', 'gh repo edit --description "new desc"', 'gh api repos/o/r', 'gh api repos/o/r/pulls', 'gh api -X PATCH repos/o/r -f description=x', "gh api graphql -f query='{ viewer { login } }'", 'gh secret list', 'gh variable list', 'gh issue create --title "Fix secret handling" --body "The secret rotation is broken"', 'gh run list'],
  },
  {
    cli: 'glab',
    sensitive: [
      ['glab auth status -t', SECRET],
      ['glab auth status --show-token', SECRET],
      ['glab config get token', SECRET],
      ['glab variable get DB_PASS', SECRET],
      ['glab -R g/p variable export', SECRET],
      ['glab api -X PUT projects/1 -f visibility=public', 'perm.repo'],
    ],
    ordinary: ['glab mr list', 'glab auth status', 'glab variable list', 'glab ci status'],
  },
  {
    cli: 'docker, podman, nerdctl',
    sensitive: [
      ['docker inspect web', SECRET],
      ['docker --context prod inspect web', SECRET],
      ['docker container inspect web', SECRET],
      ['podman inspect --format "{{.Config.Env}}" web', SECRET],
      ['docker inspect -f "{{json .Config}}" web', SECRET],
      ['nerdctl -n k8s.io inspect abc', SECRET],
      ['docker -H tcp://x:2375 exec web env', 'secret.env-dump'],
      ['docker --context=prod login -u x --password-stdin', SECRET],
    ],
    ordinary: ['docker ps', 'docker --context prod ps', 'docker logs web', "docker inspect -f '{{.State.Status}}' web", "docker inspect --format '{{.NetworkSettings.IPAddress}}' web", 'docker image inspect node:20', 'docker inspect node:20', 'docker inspect --type image myapp', 'docker build -t app .', 'docker compose ps', 'nerdctl -n k8s.io ps', 'podman ps -a'],
  },
  {
    cli: 'git',
    sensitive: [
      ['git config --global http.sslVerify false', 'perm.tls'],
      ['git -C repo config http.sslVerify false', 'perm.tls'],
      ['git config http.sslverify 0', 'perm.tls'],
      ['git config --system http.https://github.com/.sslVerify false', 'perm.tls'],
      ['git config set --global http.sslVerify false', 'perm.tls'],
      ['git config --global http.sslCAInfo /tmp/mitm.pem', 'perm.tls'],
      ['git config --get http.extraheader', SECRET],
      ['git config --get http.https://github.com/.extraheader', SECRET],
      ['git config --get-regexp http.*extraheader', SECRET],
      ['git config credential.helper store', SECRET],
      ['git credential fill', SECRET],
      ['git config --file ~/.gitconfig http.sslVerify false', 'perm.tls'],
      ['git config -f .git/config http.sslVerify "false"', 'perm.tls'],
      ['git config --global --type=bool http.sslVerify false', 'perm.tls'],
    ],
    ordinary: ['git config user.name', 'git config user.email dev@example.com', 'git config --get remote.origin.url', 'git config --list', 'git config --global pull.rebase true', 'git -C repo status', 'git --git-dir=.git log --oneline', 'git config --global http.sslVerify true', 'git config --global --unset http.sslVerify', 'git config --type bool --get http.sslVerify', 'git config -f .gitmodules --get submodule.x.url', 'GIT_SSL_NO_VERIFY=1 git clone https://internal/x.git', 'git -c http.sslVerify=false clone https://internal/x.git'],
  },
  {
    cli: 'package manager config',
    sensitive: [
      ['npm config set strict-ssl false', 'perm.tls'],
      ['npm config set strict-ssl=false', 'perm.tls'],
      ['npm set strict-ssl false', 'perm.tls'],
      ['npm --global config set strict-ssl false', 'perm.tls'],
      ['yarn config set strictSSL false', 'perm.tls'],
      ['yarn config set enableStrictSsl false', 'perm.tls'],
      ['pnpm config set strict-ssl false', 'perm.tls'],
      ['pip config set global.trusted-host example.com', 'perm.tls'],
      ['pip config --global set global.trusted-host example.com', 'perm.tls'],
      ['npm config set cafile /tmp/evil.pem', 'perm.tls'],
    ],
    ordinary: ['npm config get registry', 'npm config list', 'npm config set registry https://registry.npmjs.org/', 'npm config set strict-ssl true', 'yarn config get strict-ssl', 'pip config list', 'pip install --trusted-host pypi.org requests', 'curl -k https://localhost:8443/health'],
  },
  {
    cli: 'terraform, pulumi',
    sensitive: [
      ['pulumi config get dbPassword', SECRET],
      ['pulumi -C infra config get dbPassword', SECRET],
      ['pulumi config get --stack prod dbPassword', SECRET],
      ['pulumi --cwd infra --stack prod config get db:password', SECRET],
      ['pulumi stack output --show-secrets', SECRET],
      ['pulumi stack output dbUrl --show-secrets -s prod', SECRET],
      ['pulumi config --show-secrets', SECRET],
      ['terraform output -raw db_password', SECRET],
      ['terraform -chdir=infra output -json', SECRET],
      ['terraform -chdir=infra state pull', SECRET],
      ['terraform state show aws_db_instance.main', SECRET],
      ['terraform show -json', SECRET],
      ['terraform output db_password', SECRET],
      ['terragrunt run-all output -json', SECRET],
      ['tofu output -raw token', SECRET],
    ],
    ordinary: ['terraform plan', 'terraform -chdir=infra plan', 'terraform output', 'terraform output bucket_name', 'terraform output -raw bucket_name', 'terraform init -upgrade', 'terraform validate', 'terraform state list', 'terraform apply', 'pulumi preview', 'pulumi config get aws:region', 'pulumi config', 'pulumi stack output', 'pulumi stack output bucketName', 'pulumi up --yes'],
  },
  {
    cli: 'secret stores and app credentials',
    sensitive: [
      ['vault read secret/db', SECRET],
      ['vault kv get -mount=secret db', SECRET],
      ['vault token create -policy=admin', SECRET],
      ['op read op://vault/db/password', SECRET],
      ['op --account my item get db', SECRET],
      ['op inject -i config.tpl', SECRET],
      ['op --account my run --env-file .env.tpl -- ./deploy.sh', SECRET],
      ['ansible-vault view group_vars/all/vault.yml', SECRET],
      ['ansible-vault decrypt --vault-password-file .vp secrets.yml', SECRET],
      ['ansible-vault edit secrets.yml', SECRET],
      ['rails credentials:show', SECRET],
      ['bin/rails credentials:edit --environment production', SECRET],
      ['bundle exec rails credentials:show', SECRET],
      ['RAILS_ENV=production bin/rails credentials:show', SECRET],
      ['keyring get svc user', SECRET],
      ['security find-generic-password -s x -w', SECRET],
      ['secret-tool lookup service x', SECRET],
    ],
    ordinary: ['vault status', 'op item list', 'op whoami', 'rails server', 'rails db:migrate', 'rails routes', 'keyring --list-backends'],
  },
  {
    cli: 'PaaS CLIs',
    sensitive: [
      ['heroku config -a app', SECRET],
      ['heroku config:get DATABASE_URL --app app', SECRET],
      ['heroku -a app config', SECRET],
      ['heroku auth:token', SECRET],
      ['heroku pg:credentials:url -a app', SECRET],
      ['vercel env pull', SECRET],
      ['vercel env pull .env.local --environment=production', SECRET],
      ['vercel --scope team env pull', SECRET],
      ['netlify env:list', SECRET],
      ['netlify env:get API_KEY', SECRET],
      ['flyctl secrets set X=y', SECRET],
      ['fly -a app secrets import', SECRET],
      ['fly auth token', SECRET],
      ['wrangler secret put API_KEY', SECRET],
      ['wrangler --env production secret put API_KEY', SECRET],
      ['stripe config --list', SECRET],
      ['firebase login:ci', SECRET],
      ['npx firebase-tools login:ci', SECRET],
      ['npx netlify-cli env:list', SECRET],
      ['firebase --project p functions:config:get', SECRET],
      ['doctl auth init', SECRET],
      ['doctl --context prod kubernetes cluster kubeconfig save c', SECRET],
      ['supabase secrets set X=y', SECRET],
    ],
    ordinary: ['heroku logs --tail -a app', 'heroku ps -a app', 'vercel deploy --prod', 'vercel env ls', 'netlify deploy --prod', 'fly deploy', 'fly secrets list', 'firebase deploy --only hosting', 'supabase db push', 'supabase secrets list', 'wrangler deploy', 'wrangler secret list', 'stripe customers list', 'stripe listen --forward-to localhost:3000/webhook', 'doctl compute droplet list'],
  },
];

const show = (v: Verdict) => `${v.risk} (${v.reasons.map((r) => r.rule).join(', ')})`;

describe('multi-level CLIs by their own grammar, every agent format', () => {
  for (const group of CASES) {
    test(`${group.cli}: ${group.sensitive.length} sensitive spellings × ${AGENTS.length} formats`, async () => {
      const p = await policy();
      const missed: string[] = [];
      for (const [command, rule] of group.sensitive) {
        for (const agent of AGENTS) {
          const v = p.evaluate(SHELL_FORMATS[agent](command), agent);
          if (RISK_ORDER[v.risk] < RISK_ORDER.sensitive || !v.reasons.some((r) => r.rule === rule)) missed.push(`[${agent}] ${command} → ${show(v)}, wanted ${rule}`);
        }
      }
      assert.deepEqual(missed, []);
    });
    test(`${group.cli}: ${group.ordinary.length} ordinary look-alikes stay below sensitive`, async () => {
      const p = await policy();
      const loud: string[] = [];
      for (const command of group.ordinary) {
        for (const agent of AGENTS) {
          const v = p.evaluate(SHELL_FORMATS[agent](command), agent);
          if (RISK_ORDER[v.risk] >= RISK_ORDER.sensitive) loud.push(`[${agent}] ${command} → ${show(v)}`);
        }
      }
      assert.deepEqual(loud, []);
    });
  }
});

/** A plain literal word, as the analyzer would hand it over. */
function words(line: string): Word[] {
  return line.split(' ').map((t) => ({ value: t, raw: t, pattern: t, glob: false, quoted: false, secretVars: [], vars: [], substitutions: [], hidesDot: true, dotglob: false, start: 0, end: 0 }) as unknown as Word);
}

describe('the grammar reader', () => {
  test('global options in every spelling leave the same command path', () => {
    for (const line of ['-n prod get secret db', '--namespace prod get secret db', '--namespace=prod get secret db', '-nprod get secret db', '-n=prod get secret db', 'get -n prod secret db', 'get secret db -n prod -o yaml', 'get secret -oyaml db']) {
      const [first] = readCli(words(line), GRAMMARS.kubectl);
      assert.equal(pathOf(first!, 3), 'get secret db', line);
    }
    const [aws] = readCli(words('--profile prod --region=us-east-1 --debug secretsmanager get-secret-value --secret-id x'), GRAMMARS.aws);
    assert.equal(pathOf(aws!, 2), 'secretsmanager get-secret-value');
    const [tf] = readCli(words('-chdir=infra output -raw db_password'), GRAMMARS.terraform);
    assert.equal(pathOf(tf!), 'output db_password');
    assert.equal(tf!.options.get('-chdir')?.[0], 'infra');
  });

  test('an unknown option gives both readings', () => {
    const readings = readCli(words('--brand-new prod get secret'), GRAMMARS.kubectl);
    assert.deepEqual(readings.map((r) => pathOf(r)).sort(), ['get secret', 'prod get secret']);
    assert.equal(readCli(words('--show-labels get pods'), GRAMMARS.kubectl).length, 1);
  });

  test('secret-looking keys by their parts', () => {
    for (const k of ['dbPassword', 'db:password', 'oauth_token', 'stripe:secretKey', 'apiKey', 'DATABASE_URL', 'jwtSecret', 'client_secret']) assert.ok(secretKey(k), k);
    for (const k of ['aws:region', 'bucketName', 'git_protocol', 'editor', 'publicKey', 'tokenTtlSeconds', 'passwordMinLength', 'secretName']) assert.ok(!secretKey(k), k);
  });
});
