// Cloud IAM and Kubernetes RBAC in each cloud, with global options before the verb; public buckets and
// open security groups from the CLI.
import { mk, type Case } from '../types';

const C = 'perm-cloud-iam';
const S = (command: string, note = 'grants cloud or cluster access') => mk.sh(C, 'sensitive', command, note);
const O = (command: string, note: string) => mk.sh(C, 'ordinary', command, note);

export const cases: Case[] = [
  S('aws iam attach-user-policy --user-name ci --policy-arn arn:aws:iam::aws:policy/AdministratorAccess'),
  S('aws --profile prod iam create-access-key --user-name ci'),
  S('aws --region us-east-1 --output json iam put-role-policy --role-name r --policy-name p --policy-document file://p.json'),
  S('aws iam create-user --user-name tmp-admin'),
  S('aws s3api put-bucket-policy --bucket assets --policy file://public.json'),
  S('aws s3api put-bucket-acl --bucket assets --acl public-read'),
  S('aws s3api delete-public-access-block --bucket assets'),
  S('aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 0.0.0.0/0'),
  S("aws lambda add-permission --function-name f --statement-id s --action lambda:InvokeFunction --principal '*'"),
  S('aws --debug iam update-assume-role-policy --role-name deploy --policy-document file://trust.json'),
  S('gcloud projects add-iam-policy-binding prod --member=user:eve@example.com --role=roles/owner'),
  S('gcloud --project=prod iam service-accounts keys create key.json --iam-account sa@prod.iam.gserviceaccount.com'),
  S('gcloud storage buckets add-iam-policy-binding gs://assets --member=allUsers --role=roles/storage.objectViewer'),
  S('gcloud compute firewall-rules create allow-all --allow tcp --source-ranges 0.0.0.0/0'),
  S('gcloud --quiet iam roles update custom --project prod --add-permissions iam.serviceAccounts.actAs'),
  S('az role assignment create --assignee eve@example.com --role Owner --scope /subscriptions/1'),
  S('az --subscription prod ad sp create-for-rbac --role Contributor'),
  S('az keyvault set-policy --name kv --upn eve@example.com --secret-permissions get list'),
  S('az storage container set-permission --name c --public-access blob --account-name acct'),
  S('kubectl create clusterrolebinding dev-admin --clusterrole=cluster-admin --user=dev'),
  S('kubectl -n prod create rolebinding x --role=edit --serviceaccount=prod:default'),
  S('kubectl --context prod create clusterrolebinding ci --clusterrole cluster-admin --serviceaccount ci:runner'),
  S('kubectl patch clusterrole view --type=json -p \'[{"op":"add","path":"/rules/0/verbs/-","value":"*"}]\''),
  S('oc adm policy add-scc-to-user privileged -z default'),
  S('oc adm policy add-cluster-role-to-user cluster-admin eve'),

  O('aws iam list-roles', 'reads roles'),
  O('aws --profile prod iam get-role --role-name deploy', 'reads one role'),
  O('gcloud projects get-iam-policy prod', 'reads the policy'),
  O('az role assignment list --assignee eve@example.com', 'lists assignments'),
  O('kubectl get rolebindings -A', 'lists bindings'),
  O('kubectl auth can-i create pods', 'checks access'),
  O('aws s3 cp dist/ s3://assets/ --recursive', 'uploads build output'),
  O('gcloud compute instances list', 'lists VMs'),
  O('kubectl -n prod rollout restart deploy/api', 'restarts a deployment'),
  O('aws ec2 describe-security-groups --group-ids sg-1', 'reads a security group'),
];
