// Application code and rules loosened, judged before → after: every case is sent as an edit (or a write, when there
// is no old text) in all seven agents' formats. Sensitive spellings must come back sensitive with a reason that
// names the line; ordinary look-alikes must not come back sensitive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentName, Verdict } from '../../../src/policy';
import { changeHits } from '../../../src/policy/content';
import { evaluate } from './policyHarness';

const CWD = '/home/dev/proj';
const TS = '2026-01-01T00:00:00Z';
let n = 0;
const id = () => `cl-${++n}`;
const rel = (p: string) => (p.startsWith(`${CWD}/`) ? p.slice(CWD.length + 1) : p);
const plus = (t: string) => t.split('\n').map((l) => `+${l}`).join('\n');
const minus = (t: string) => t.split('\n').map((l) => `-${l}`).join('\n');

type Payload = Record<string, unknown>;

const claudeLike = (tool: string, input: Payload): Payload => ({ session_id: id(), cwd: CWD, hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, tool_use_id: id() });
const geminiLike = (tool: string, input: Payload): Payload => ({ session_id: id(), cwd: CWD, hook_event_name: 'BeforeTool', timestamp: TS, tool_name: tool, tool_input: input });
const vscodeLike = (tool: string, input: Payload): Payload => ({ timestamp: TS, cwd: CWD, sessionId: id(), hookEventName: 'PreToolUse', tool_name: tool, tool_input: input, tool_use_id: id() });
const copilotLike = (tool: string, args: Payload): Payload => ({ sessionId: id(), timestamp: 1795240490528, cwd: CWD, toolName: tool, toolArgs: args });
const clineLike = (tool: string, input: Payload): Payload => ({
  clineVersion: '',
  timestamp: TS,
  taskId: id(),
  workspaceRoots: [CWD],
  hookName: 'PreToolUse',
  tool_call: { id: 'c1', name: tool, input },
  preToolUse: { toolName: tool, parameters: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) },
});
const codexLike = (patch: string): Payload => ({ session_id: id(), turn_id: id(), cwd: CWD, hook_event_name: 'PreToolUse', model: 'gpt-5.5', tool_name: 'apply_patch', tool_input: { command: patch }, tool_use_id: id() });

const EDIT: Record<AgentName, (path: string, oldText: string, newText: string) => Payload> = {
  claude: (path, o, w) => claudeLike('Edit', { file_path: path, old_string: o, new_string: w, replace_all: false }),
  gemini: (path, o, w) => geminiLike('replace', { file_path: path, old_string: o, new_string: w, instruction: 'update' }),
  vscode: (path, o, w) => vscodeLike('replace_string_in_file', { filePath: path, oldString: o, newString: w, explanation: 'update' }),
  'copilot-cli': (path, o, w) => copilotLike('edit', { path, old_str: o, new_str: w }),
  cline: (path, o, w) => clineLike('replace_in_file', { path: rel(path), diff: `------- SEARCH\n${o}\n=======\n${w}\n+++++++ REPLACE` }),
  codex: (path, o, w) => codexLike(`*** Begin Patch\n*** Update File: ${rel(path)}\n@@\n${minus(o)}\n${plus(w)}\n*** End Patch\n`),
  cursor: (path, o, w) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'afterFileEdit', workspace_roots: [CWD], file_path: path, edits: [{ old_string: o, new_string: w }] }),
};

const WRITE: Record<AgentName, (path: string, content: string) => Payload> = {
  claude: (path, c) => claudeLike('Write', { file_path: path, content: c }),
  gemini: (path, c) => geminiLike('write_file', { file_path: path, content: c }),
  vscode: (path, c) => vscodeLike('create_file', { filePath: path, content: c }),
  'copilot-cli': (path, c) => copilotLike('create', { path, file_text: c }),
  cline: (path, c) => clineLike('write_to_file', { path: rel(path), content: c }),
  codex: (path, c) => codexLike(`*** Begin Patch\n*** Add File: ${rel(path)}\n${plus(c)}\n*** End Patch\n`),
  cursor: (path, c) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'afterFileEdit', workspace_roots: [CWD], file_path: path, edits: [{ old_string: '', new_string: c }] }),
};

const AGENTS = Object.keys(EDIT) as AgentName[];

/** [file (relative to the project), old text or null for a new file, new text, what it shows]. */
type Case = [string, string | null, string, string];

async function verdicts(c: Case): Promise<[AgentName, Verdict][]> {
  const [file, oldText, newText] = c;
  const path = `${CWD}/${file}`;
  const out: [AgentName, Verdict][] = [];
  for (const agent of AGENTS) {
    const payload = oldText === null ? WRITE[agent](path, newText) : EDIT[agent](path, oldText, newText);
    out.push([agent, await evaluate(payload, agent)]);
  }
  return out;
}

const LOOSENING_RULES = /^content\.(?:auth-removed|tls-off|jwt-off|cors-open|rules-open|secret)$|^perm\.(?:mode|elevate)$/;

async function expectSensitive(cases: Case[]): Promise<void> {
  const misses: string[] = [];
  for (const c of cases) {
    for (const [agent, v] of await verdicts(c)) {
      const rs = v.reasons.filter((x) => LOOSENING_RULES.test(x.rule) && (x.risk === 'sensitive' || x.risk === 'blocked'));
      if (v.risk !== 'sensitive' && v.risk !== 'blocked') misses.push(`${c[3]} [${agent}] → ${v.risk}`);
      else if (rs.length === 0) misses.push(`${c[3]} [${agent}] sensitive for another reason: ${v.reasons.map((x) => x.rule).join(', ')}`);
      else if (!rs.some((r) => /\bline \d+/.test(r.message))) misses.push(`${c[3]} [${agent}] no reason names the line: ${rs[0]!.message}`);
    }
  }
  assert.deepEqual(misses, []);
}

async function expectNotSensitive(cases: Case[]): Promise<void> {
  const wrong: string[] = [];
  for (const c of cases) {
    for (const [agent, v] of await verdicts(c)) {
      if (v.risk === 'sensitive' || v.risk === 'blocked') wrong.push(`${c[3]} [${agent}] → ${v.risk}: ${v.reasons.filter((r) => r.risk === v.risk).map((r) => r.message).join(' | ')}`);
    }
  }
  assert.deepEqual(wrong, []);
}

async function expectReview(cases: Case[]): Promise<void> {
  const wrong: string[] = [];
  for (const c of cases) {
    for (const [agent, v] of await verdicts(c)) if (v.risk !== 'review') wrong.push(`${c[3]} [${agent}] → ${v.risk}`);
  }
  assert.deepEqual(wrong, []);
}

// ── Authentication or authorization removed ──────────────────────────────────────────────────────────────────────

const AUTH_REMOVED: Case[] = [
  ['app/views.py', '@login_required\ndef delete_user(request, id):\n    User.objects.get(id=id).delete()', 'def delete_user(request, id):\n    User.objects.get(id=id).delete()', 'django @login_required removed'],
  ['app/views.py', '@login_required\ndef delete_user(request, id):', '# @login_required\ndef delete_user(request, id):', 'django @login_required commented out'],
  ['app/views.py', "@permission_required('app.delete_user', raise_exception=True)\ndef delete_user(request, id):", 'def delete_user(request, id):', '@permission_required removed'],
  ['api/routes.py', "@app.route('/admin/users')\n@jwt_required()\ndef list_users():", "@app.route('/admin/users')\ndef list_users():", 'flask @jwt_required removed'],
  ['api/routes.py', "@bp.route('/settings')\n@auth.login_required\ndef settings():", "@bp.route('/settings')\n#@auth.login_required\ndef settings():", 'flask-httpauth decorator commented out'],
  ['api/routes.py', "@app.delete('/users/{id}')\nasync def delete_user(id: int, user: User = Depends(get_current_user)):", "@app.delete('/users/{id}')\nasync def delete_user(id: int):", 'FastAPI Depends(get_current_user) removed'],
  ['api/routes.py', "@app.get('/items')\nasync def items(token: str = Security(verify_api_key), db=Depends(get_db)):", "@app.get('/items')\nasync def items(db=Depends(get_db)):", 'FastAPI Security dependency removed'],
  ['src/Controllers/AdminController.cs', '[Authorize(Roles = "Admin")]\npublic class AdminController : Controller', 'public class AdminController : Controller', 'ASP.NET [Authorize] removed'],
  ['src/Controllers/AdminController.cs', '    [HttpDelete("{id}")]\n    [Authorize(Policy = "CanDelete")]\n    public IActionResult Delete(int id)', '    [HttpDelete("{id}")]\n    //[Authorize(Policy = "CanDelete")]\n    public IActionResult Delete(int id)', 'ASP.NET [Authorize] commented out'],
  ['src/main/java/com/acme/AdminController.java', '    @PreAuthorize("hasRole(\'ADMIN\')")\n    @DeleteMapping("/users/{id}")\n    public void deleteUser(@PathVariable Long id) {', '    @DeleteMapping("/users/{id}")\n    public void deleteUser(@PathVariable Long id) {', 'Spring @PreAuthorize removed'],
  ['src/main/java/com/acme/AdminController.java', '    @Secured("ROLE_ADMIN")\n    public List<User> all() {', '    public List<User> all() {', 'Spring @Secured removed'],
  ['src/main/java/com/acme/Res.java', '    @RolesAllowed({"admin"})\n    @GET\n    public Response list() {', '    @GET\n    public Response list() {', 'JAX-RS @RolesAllowed removed'],
  ['src/users/users.controller.ts', "  @UseGuards(JwtAuthGuard, RolesGuard)\n  @Delete(':id')\n  remove(@Param('id') id: string) {", "  @Delete(':id')\n  remove(@Param('id') id: string) {", 'NestJS @UseGuards removed'],
  ['src/users/users.controller.ts', "  @UseGuards(JwtAuthGuard, RolesGuard)\n  @Delete(':id')", "  @UseGuards(JwtAuthGuard)\n  @Delete(':id')", 'NestJS RolesGuard dropped from @UseGuards'],
  ['src/server.js', "app.use(express.json());\napp.use(requireAuth);\napp.use('/api', api);", "app.use(express.json());\napp.use('/api', api);", 'express app.use(requireAuth) removed'],
  ['src/server.js', "app.use(passport.authenticate('jwt', { session: false }));", "// app.use(passport.authenticate('jwt', { session: false }));", 'passport middleware commented out'],
  ['src/routes/admin.ts', "router.delete('/users/:id', ensureAuthenticated, isAdmin, async (req, res) => {", "router.delete('/users/:id', async (req, res) => {", 'route middleware removed from a route'],
  ['src/routes/admin.ts', "router.get(\n  '/reports',\n  requireAuth,\n  reportsHandler\n);", "router.get(\n  '/reports',\n  reportsHandler\n);", 'middleware removed from a multi-line route'],
  ['app/controllers/admin_controller.rb', "class AdminController < ApplicationController\n  before_action :authenticate_user!\n  before_action :require_admin", "class AdminController < ApplicationController\n  before_action :require_admin", 'rails before_action :authenticate_user! removed'],
  ['app/controllers/posts_controller.rb', "  def destroy\n    authorize @post\n    @post.destroy", "  def destroy\n    @post.destroy", 'pundit authorize removed from an action'],
  ['routes/web.php', "Route::middleware(['auth', 'verified'])->group(function () {", "Route::middleware(['verified'])->group(function () {", "laravel 'auth' middleware removed"],
  ['app/Http/Controllers/PostController.php', "    public function destroy(Post $post)\n    {\n        $this->authorize('delete', $post);\n        $post->delete();", "    public function destroy(Post $post)\n    {\n        $post->delete();", 'laravel $this->authorize removed'],
  ['app/views.py', 'class ReportView(LoginRequiredMixin, PermissionRequiredMixin, View):', 'class ReportView(View):', 'django auth mixins removed from a class'],
  ['src/handlers/admin.go', 'admin := r.Group("/admin", AuthRequired())', 'admin := r.Group("/admin")', 'gin auth middleware removed from a group'],
  ['src/handlers/admin.go', 'r.Use(authMiddleware)\nr.HandleFunc("/admin", adminHandler)', 'r.HandleFunc("/admin", adminHandler)', 'go r.Use(authMiddleware) removed'],
  ['src/api/users.ts', "export async function DELETE(req: Request) {\n  const session = await getServerSession(authOptions);\n  if (!session) return new Response('Unauthorized', { status: 401 });\n  await db.user.delete();", 'export async function DELETE(req: Request) {\n  await db.user.delete();', 'next.js session check and 401 removed'],
  ['src/routes/admin.js', "router.post('/reset', (req, res) => {\n  if (!req.user || !req.user.isAdmin) return res.status(403).send('Forbidden');\n  reset();", "router.post('/reset', (req, res) => {\n  reset();", 'express inline 403 check removed'],
  ['app/api/views.py', "    def destroy(self, request, pk=None):\n        if not request.user.is_staff:\n            raise PermissionDenied()\n        return super().destroy(request, pk)", "    def destroy(self, request, pk=None):\n        return super().destroy(request, pk)", 'raise PermissionDenied removed'],
];

const AUTH_BYPASSED: Case[] = [
  ['api/views.py', 'class UserViewSet(viewsets.ModelViewSet):\n    permission_classes = [IsAuthenticated]', 'class UserViewSet(viewsets.ModelViewSet):\n    permission_classes = [AllowAny]', 'DRF IsAuthenticated → AllowAny'],
  ['api/views.py', 'class UserViewSet(viewsets.ModelViewSet):\n    permission_classes = [IsAdminUser]', 'class UserViewSet(viewsets.ModelViewSet):\n    permission_classes = []', 'DRF permission_classes emptied'],
  ['proj/settings.py', "    'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated'],", "    'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.AllowAny'],", 'DRF default permission AllowAny'],
  ['src/Controllers/AccountController.cs', '    [HttpDelete]\n    public IActionResult DeleteAll()', '    [HttpDelete]\n    [AllowAnonymous]\n    public IActionResult DeleteAll()', 'ASP.NET [AllowAnonymous] added'],
  ['src/Program.cs', 'app.MapDelete("/users/{id}", DeleteUser).RequireAuthorization();', 'app.MapDelete("/users/{id}", DeleteUser).AllowAnonymous();', 'minimal API AllowAnonymous'],
  ['src/main/java/com/acme/SecurityConfig.java', '            .anyRequest().authenticated()', '            .anyRequest().permitAll()', 'Spring anyRequest().permitAll()'],
  ['src/main/java/com/acme/SecurityConfig.java', '        http.authorizeHttpRequests(a -> a.requestMatchers("/admin/**").hasRole("ADMIN"))', '        http.csrf(csrf -> csrf.disable()).authorizeHttpRequests(a -> a.requestMatchers("/admin/**").hasRole("ADMIN"))', 'Spring csrf disabled (lambda)'],
  ['src/main/java/com/acme/SecurityConfig.java', '        http.formLogin();', '        http.csrf().disable();\n        http.formLogin();', 'Spring csrf().disable()'],
  ['src/main/kotlin/SecurityConfig.kt', '        http {\n            authorizeRequests { authorize(anyRequest, authenticated) }', '        http {\n            csrf { disable() }\n            authorizeRequests { authorize(anyRequest, authenticated) }', 'Kotlin DSL csrf disabled'],
  ['src/auth/public.controller.ts', "  @Post('purge')\n  purge() {", "  @Public()\n  @Post('purge')\n  purge() {", 'NestJS @Public() added'],
  ['app/views.py', 'def webhook(request):', '@csrf_exempt\ndef webhook(request):', 'django @csrf_exempt added'],
  ['app/controllers/admin_controller.rb', 'class AdminController < ApplicationController', 'class AdminController < ApplicationController\n  skip_before_action :authenticate_user!', 'rails skip_before_action :authenticate_user!'],
  ['app/controllers/api_controller.rb', 'class ApiController < ApplicationController', 'class ApiController < ApplicationController\n  skip_before_action :verify_authenticity_token', 'rails CSRF check skipped'],
  ['routes/api.php', "Route::delete('/users/{id}', [UserController::class, 'destroy']);", "Route::delete('/users/{id}', [UserController::class, 'destroy'])->withoutMiddleware('auth:sanctum');", 'laravel withoutMiddleware(auth)'],
  ['src/routes.js', "server.route({ method: 'DELETE', path: '/users/{id}', options: { auth: 'jwt' }, handler });", "server.route({ method: 'DELETE', path: '/users/{id}', options: { auth: false }, handler });", 'hapi auth: false'],
  ['src/middleware/auth.ts', 'export function requireAuth(req: Request, res: Response, next: NextFunction) {\n  const token = req.headers.authorization;', 'export function requireAuth(req: Request, res: Response, next: NextFunction) {\n  return next();\n  const token = req.headers.authorization;', 'auth middleware short-circuited to next()'],
  ['api/permissions.py', 'class IsOwner(BasePermission):\n    def has_object_permission(self, request, view, obj):\n        return obj.owner == request.user', 'class IsOwner(BasePermission):\n    def has_object_permission(self, request, view, obj):\n        return True', 'has_object_permission returns True'],
  ['src/auth/roles.guard.ts', '  canActivate(context: ExecutionContext): boolean {\n    const roles = this.reflector.get<string[]>(\'roles\', context.getHandler());', '  canActivate(context: ExecutionContext): boolean {\n    return true;\n    const roles = this.reflector.get<string[]>(\'roles\', context.getHandler());', 'NestJS guard canActivate returns true'],
  ['src/auth.go', 'func (a *Authorizer) IsAuthorized(u *User, action string) bool {\n\treturn a.policy.Allows(u.Role, action)\n}', 'func (a *Authorizer) IsAuthorized(u *User, action string) bool {\n\treturn true\n}', 'go IsAuthorized returns true'],
  ['src/admin.js', 'if (user.isAdmin) {\n  deleteEverything();\n}', 'if (user.isAdmin || true) {\n  deleteEverything();\n}', 'condition made always true (|| true)'],
  ['app/views.py', '    if request.user.is_superuser:\n        purge()', '    if request.user.is_superuser or True:\n        purge()', 'python condition or True'],
  ['src/config/auth.ts', 'export const config = { authEnabled: true, sessionTtl: 3600 };', 'export const config = { authEnabled: false, sessionTtl: 3600 };', 'authEnabled: false'],
  ['src/settings.py', 'DISABLE_AUTH = False', 'DISABLE_AUTH = True', 'DISABLE_AUTH = True'],
  ['config/app.yaml', 'server:\n  port: 8080\n  auth_required: true', 'server:\n  port: 8080\n  auth_required: false', 'app config auth_required: false'],
  ['src/app.py', "app.config['WTF_CSRF_ENABLED'] = True", "app.config['WTF_CSRF_ENABLED'] = False", 'flask WTF_CSRF_ENABLED = False'],
];

// ── TLS verification off ─────────────────────────────────────────────────────────────────────────────────────────

const TLS_OFF: Case[] = [
  ['src/client.py', 'r = requests.get(url, timeout=5)', 'r = requests.get(url, timeout=5, verify=False)', 'requests verify=False'],
  ['src/client.py', 'client = httpx.Client(base_url=BASE)', 'client = httpx.Client(base_url=BASE, verify=False)', 'httpx verify=False'],
  ['src/client.py', 'session = requests.Session()', 'session = requests.Session()\nsession.verify = False', 'session.verify = False'],
  ['src/fetch.py', 'ctx = ssl.create_default_context()', 'ctx = ssl._create_unverified_context()', 'unverified SSL context'],
  ['src/fetch.py', 'ctx = ssl.create_default_context()', 'ctx = ssl.create_default_context()\nctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE', 'check_hostname False + CERT_NONE'],
  ['src/fetch.py', 'async with aiohttp.ClientSession() as s:', 'async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False)) as s:', 'aiohttp ssl=False'],
  ['src/http.ts', 'const agent = new https.Agent({ keepAlive: true });', 'const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });', 'node rejectUnauthorized: false'],
  ['src/db.js', "const pool = new Pool({ connectionString: process.env.DB_URL });", "const pool = new Pool({ connectionString: process.env.DB_URL, ssl: { rejectUnauthorized: false } });", 'pg ssl rejectUnauthorized false'],
  ['src/index.ts', "import express from 'express';", "import express from 'express';\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", 'NODE_TLS_REJECT_UNAUTHORIZED = 0 in code'],
  ['src/index.ts', "import express from 'express';", "import express from 'express';\nprocess.env['NODE_TLS_REJECT_UNAUTHORIZED'] = \"0\";", 'NODE_TLS_REJECT_UNAUTHORIZED bracket spelling'],
  ['pkg/client/client.go', 'tr := &http.Transport{}', 'tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}', 'go InsecureSkipVerify'],
  ['lib/client.rb', 'http.use_ssl = true', 'http.use_ssl = true\nhttp.verify_mode = OpenSSL::SSL::VERIFY_NONE', 'ruby VERIFY_NONE'],
  ['src/Api.php', 'curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);', "curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);\ncurl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);", 'php CURLOPT_SSL_VERIFYPEER false'],
  ['src/Api.php', "$client = new Client(['base_uri' => $base]);", "$client = new Client(['base_uri' => $base, 'verify' => false]);", 'guzzle verify => false'],
  ['src/main/java/com/acme/Http.java', 'HttpsURLConnection conn = (HttpsURLConnection) url.openConnection();', 'HttpsURLConnection conn = (HttpsURLConnection) url.openConnection();\nconn.setHostnameVerifier((hostname, session) -> true);', 'java hostname verifier returns true'],
  ['src/main/java/com/acme/Http.java', 'SSLContext sc = SSLContext.getInstance("TLS");', 'SSLContext sc = SSLContext.getInstance("TLS");\nsc.init(null, new TrustManager[]{ new TrustAllManager() }, null);', 'java trust-all manager'],
  ['src/Net/Client.cs', 'var handler = new HttpClientHandler();', 'var handler = new HttpClientHandler();\nhandler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true;', 'C# validation callback true'],
  ['src/Net/Client.cs', 'var handler = new HttpClientHandler();', 'var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };', 'C# DangerousAcceptAnyServerCertificateValidator'],
  ['src/net.rs', 'let client = reqwest::Client::builder().build()?;', 'let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;', 'rust danger_accept_invalid_certs'],
  ['lib/http.dart', 'final client = HttpClient();', 'final client = HttpClient()..badCertificateCallback = (cert, host, port) => true;', 'dart badCertificateCallback'],
  ['config/settings.yaml', 'api:\n  url: https://api.internal\n  verify_ssl: true', 'api:\n  url: https://api.internal\n  verify_ssl: false', 'app config verify_ssl: false'],
  ['src/client.ts', 'const client = new ApiClient({ baseUrl });', 'const client = new ApiClient({ baseUrl, insecureSkipTlsVerify: true });', 'flag insecureSkipTlsVerify'],
];

// ── JWT verification off ─────────────────────────────────────────────────────────────────────────────────────────

const JWT_OFF: Case[] = [
  ['src/auth.py', 'payload = jwt.decode(token, SECRET, algorithms=["HS256"])', 'payload = jwt.decode(token, options={"verify_signature": False})', 'PyJWT verify_signature False'],
  ['src/auth.py', 'payload = jwt.decode(token, SECRET, algorithms=["HS256"])', 'payload = jwt.decode(token, SECRET, verify=False)', 'old PyJWT verify=False'],
  ['src/auth.py', 'payload = jwt.decode(token, SECRET, algorithms=["HS256"])', 'payload = jwt.decode(token, SECRET, algorithms=["HS256", "none"])', 'algorithms include none'],
  ['src/auth.py', 'payload = jwt.decode(token, SECRET, algorithms=["HS256"])', 'payload = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False})', 'verify_exp False'],
  ['src/auth.py', 'claims = jwt.decode(token, key)', 'claims = jose_jwt.get_unverified_claims(token)', 'python-jose get_unverified_claims'],
  ['src/middleware/auth.js', 'const user = jwt.verify(token, process.env.JWT_SECRET);', 'const user = jwt.decode(token);', 'node jwt.verify → jwt.decode'],
  ['src/middleware/auth.ts', "const { payload } = await jwtVerify(token, JWKS, { issuer });", 'const payload = decodeJwt(token);', 'jose jwtVerify → decodeJwt'],
  ['src/middleware/auth.js', "jwt.verify(token, secret, { algorithms: ['HS256'] });", "jwt.verify(token, secret, { algorithms: ['HS256'], ignoreExpiration: true });", 'ignoreExpiration: true'],
  ['src/middleware/auth.js', "jwt.verify(token, secret, { algorithms: ['RS256'] });", "jwt.verify(token, secret, { algorithms: ['RS256', 'none'] });", 'node algorithms none'],
  ['pkg/auth/jwt.go', 'token, err := jwt.Parse(raw, keyFunc)', 'token, _, err := new(jwt.Parser).ParseUnverified(raw, jwt.MapClaims{})', 'go ParseUnverified'],
  ['src/Auth/Startup.cs', '    ValidateIssuerSigningKey = true,', '    ValidateIssuerSigningKey = false,', 'C# ValidateIssuerSigningKey false'],
  ['src/Auth/Startup.cs', '    ValidateLifetime = true,', '    ValidateLifetime = false,', 'C# ValidateLifetime false'],
  ['lib/auth.rb', 'decoded = JWT.decode(token, secret, true, { algorithm: "HS256" })', 'decoded = JWT.decode(token, nil, false)', 'ruby JWT.decode without verification'],
  ['src/main/java/com/acme/Jwt.java', 'Claims c = Jwts.parser().setSigningKey(key).parseClaimsJws(token).getBody();', 'Claims c = Jwts.parser().parseClaimsJwt(token).getBody();', 'jjwt parseClaimsJws → parseClaimsJwt'],
  ['src/auth.rs', 'let mut validation = Validation::new(Algorithm::HS256);', 'let mut validation = Validation::new(Algorithm::HS256);\nvalidation.insecure_disable_signature_validation();', 'rust insecure_disable_signature_validation'],
];

// ── CORS open with credentials ───────────────────────────────────────────────────────────────────────────────────

const CORS_OPEN: Case[] = [
  ['src/server.js', "app.use(cors({ origin: 'https://app.example.com', credentials: true }));", 'app.use(cors({ origin: true, credentials: true }));', 'express cors origin true + credentials'],
  ['src/server.js', "app.use(cors({ origin: 'https://app.example.com', credentials: true }));", "app.use(cors({ origin: '*', credentials: true }));", 'express cors * + credentials'],
  ['src/server.ts', "app.use(cors({ origin: allowList, credentials: true }));", 'app.use(cors({ origin: (origin, cb) => cb(null, true), credentials: true }));', 'express cors callback always true'],
  ['src/main.ts', "app.enableCors({ origin: ['https://app.example.com'], credentials: true });", 'app.enableCors({ origin: true, credentials: true });', 'NestJS enableCors origin true'],
  ['src/server.js', "res.setHeader('Content-Type', 'application/json');", "res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\nres.setHeader('Access-Control-Allow-Credentials', 'true');", 'reflected origin header + credentials'],
  ['app/main.py', 'app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)', 'app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)', 'FastAPI allow_origins * + credentials'],
  ['app/__init__.py', 'CORS(app)', 'CORS(app, supports_credentials=True)', 'Flask-CORS credentials with default origins'],
  ['app/__init__.py', 'CORS(app, origins=["https://app.example.com"], supports_credentials=True)', 'CORS(app, origins="*", supports_credentials=True)', 'Flask-CORS origins * + credentials'],
  ['proj/settings.py', 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOW_CREDENTIALS = True', 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True', 'django-cors-headers allow all + credentials'],
  ['src/main/java/com/acme/WebConfig.java', '        registry.addMapping("/**").allowedOrigins("https://app.example.com").allowCredentials(true);', '        registry.addMapping("/**").allowedOriginPatterns("*").allowCredentials(true);', 'Spring allowedOriginPatterns * + credentials'],
  ['src/Program.cs', 'policy.WithOrigins("https://app.example.com").AllowCredentials();', 'policy.SetIsOriginAllowed(_ => true).AllowCredentials();', 'ASP.NET SetIsOriginAllowed true + credentials'],
  ['cmd/server/main.go', 'r.Use(cors.New(cors.Config{AllowOrigins: []string{"https://app.example.com"}, AllowCredentials: true}))', 'r.Use(cors.New(cors.Config{AllowAllOrigins: true, AllowCredentials: true}))', 'gin-contrib cors all origins + credentials'],
  ['config/initializers/cors.rb', "  allow do\n    origins 'https://app.example.com'\n    resource '*', headers: :any, methods: :any, credentials: true", "  allow do\n    origins '*'\n    resource '*', headers: :any, methods: :any, credentials: true", 'rack-cors origins * + credentials'],
];

// ── Policy engines and security rules ────────────────────────────────────────────────────────────────────────────

const RULES_OPEN: Case[] = [
  ['policy/authz.rego', 'package authz\n\ndefault allow = false', 'package authz\n\ndefault allow = true', 'rego default allow = true'],
  ['policy/authz.rego', 'package authz\n\ndefault allow := false', 'package authz\n\ndefault allow := true', 'rego default allow := true'],
  ['policy/authz.rego', 'allow if {\n    input.user.role == "admin"\n}', 'allow if {\n    true\n}\nallow := true', 'rego unconditional allow'],
  ['policies/app.cedar', 'permit(principal in Group::"admins", action, resource);', 'permit(principal, action, resource);', 'cedar permit everything'],
  ['policies/app.cedar', 'forbid(principal, action == Action::"delete", resource) unless { principal in Group::"admins" };\npermit(principal, action == Action::"read", resource);', 'permit(principal, action == Action::"read", resource);', 'cedar forbid removed'],
  ['rbac/policy.csv', 'p, admin, /admin/*, *', 'p, admin, /admin/*, *\np, *, /admin/*, *', 'casbin wildcard subject'],
  ['firestore.rules', "    match /users/{uid} {\n      allow read, write: if request.auth != null && request.auth.uid == uid;\n    }", "    match /users/{uid} {\n      allow read, write: if request.time < timestamp.date(2030, 1, 1);\n    }", 'firestore test mode'],
  ['firestore.rules', '      allow read: if request.auth != null;', '      allow read: if request.auth != null || true;', 'firestore condition || true'],
  ['storage.rules', '      allow write: if request.auth != null;', '      allow write: if resource.size < 5 * 1024 * 1024;', 'storage auth condition dropped'],
  ['database.rules.json', '{\n  "rules": {\n    ".read": "auth != null",\n    ".write": "auth != null"\n  }\n}', '{\n  "rules": {\n    ".read": "now < 1893456000000",\n    ".write": "now < 1893456000000"\n  }\n}', 'rtdb test mode'],
  ['src/lib/supabase.ts', 'export const supabase = createClient(url, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!);', 'export const supabase = createClient(url, process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY!);', 'supabase service role key published'],
  ['src/components/AdminTable.tsx', 'const supabase = createClient(url, anonKey);', 'const supabase = createClient(url, process.env.SUPABASE_SERVICE_ROLE_KEY!);', 'supabase service role in a component'],
];

// ── File permissions from code ───────────────────────────────────────────────────────────────────────────────────

const PERMS_FROM_CODE: Case[] = [
  ['src/bootstrap.py', 'os.makedirs(path, exist_ok=True)', 'os.makedirs(path, exist_ok=True)\nos.chmod(path, 0o777)', 'python os.chmod 0o777'],
  ['src/cache.js', "fs.writeFileSync(file, data);", "fs.writeFileSync(file, data);\nfs.chmodSync(file, 0o666);", 'node chmodSync 0o666'],
  ['src/cache.js', "await fs.promises.writeFile(file, data);", "await fs.promises.writeFile(file, data);\nawait fs.promises.chmod(file, '777');", "node chmod '777'"],
  ['internal/store/store.go', 'f, err := os.Create(p)', 'f, err := os.Create(p)\nos.Chmod(p, 0777)', 'go os.Chmod 0777'],
  ['internal/store/store.go', 'f, err := os.Create(p)', 'f, err := os.Create(p)\nos.Chmod(p, os.ModePerm)', 'go os.Chmod os.ModePerm'],
  ['src/main/java/com/acme/Files.java', 'Path p = Files.createFile(target);', 'Path p = Files.createFile(target);\nFiles.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));', 'java rwxrwxrwx'],
  ['src/server.py', 'def main():', 'def main():\n    os.umask(0)', 'python umask(0)'],
  ['src/daemon.c', 'int main(void) {', 'int main(void) {\n    setuid(0);', 'C setuid(0)'],
];

// ── Ordinary work: must not be sensitive ─────────────────────────────────────────────────────────────────────────

const ORDINARY: Case[] = [
  ['app/views.py', "if user.role == 'admin':\n    show_admin()", "if user.role == 'admin' and user.is_active:\n    show_admin()", 'role check tightened'],
  ['app/views.py', 'def delete_user(request, id):', '@login_required\ndef delete_user(request, id):', 'adding a decorator'],
  ['app/views.py', "@login_required\ndef delete_user(request, id):\n    User.objects.get(id=id).delete()", "@login_required\ndef remove_user(request, id):\n    User.objects.get(id=id).delete()", 'renaming a view, decorator kept'],
  ['app/views.py', "@login_required\ndef delete_user(request, id):\n    User.objects.get(id=id).delete()\n\n\ndef about(request):\n    return render(request, 'about.html')", "def about(request):\n    return render(request, 'about.html')", 'deleting a whole guarded view'],
  ['app/views.py', '@login_required\ndef profile(request):\n    return render(request, "p.html", {"u": request.user})', '@login_required\ndef profile(request):\n    ctx = {"u": request.user, "orders": request.user.orders.all()}\n    return render(request, "p.html", ctx)', 'editing a guarded view body'],
  ['src/routes/admin.ts', "router.get('/users', requireAuth, listUsers);", "router.get('/users', requireAuth, paginate, listUsers);", 'adding middleware to a route'],
  ['src/routes/admin.ts', "router.get('/users', requireAuth, listUsers);\nrouter.get('/old', requireAuth, oldHandler);", "router.get('/users', requireAuth, listUsers);", 'removing a whole route'],
  ['src/server.ts', "app.use(requireAuth);\napp.use('/api', api);", "app.use(helmet());\napp.use(requireAuth);\napp.use('/api', api);", 'adding helmet before auth'],
  ['src/middleware/auth.ts', "import { requireAuth } from './auth';", "import { requireAuth, requireRole } from './auth';", 'import line changed'],
  ['src/users/users.controller.ts', "  @UseGuards(JwtAuthGuard)\n  @Get()\n  findAll() {\n    return this.users.findAll();", "  @UseGuards(JwtAuthGuard)\n  @Get()\n  findAll(@Query() q: QueryDto) {\n    return this.users.findAll(q);", 'refactoring a guarded handler'],
  ['src/server.js', "app.use(cors({ origin: 'https://app.example.com' }));", "app.use(cors({ origin: 'https://app.example.com', credentials: true }));", 'cors specific origin with credentials'],
  ['src/server.js', "app.use(cors({ origin: ['https://a.example.com'], credentials: true }));", "app.use(cors({ origin: ['https://a.example.com', 'https://b.example.com'], credentials: true }));", 'cors allow list grows'],
  ['firestore.rules', '      allow read: if false;', '      allow read: if request.auth != null;', 'firestore auth rule'],
  ['firestore.rules', '      allow read: if request.auth != null;', '      allow read: if request.auth != null && request.auth.uid == userId;', 'firestore rule tightened'],
  ['policy/authz.rego', 'package authz\n\ndefault allow := false', 'package authz\n\nimport rego.v1\n\ndefault allow := false\n\nallow if input.user.role == "admin"', 'rego default deny with a rule'],
  ['README.md', 'Call the API.', 'Call the API. For a local self-signed server use `requests.get(url, verify=False)`.', 'docs mention verify=False'],
  ['docs/security.md', 'Notes.', 'Never set `rejectUnauthorized: false` or `InsecureSkipVerify: true` in production.', 'docs mention TLS flags'],
  ['src/client.py', 'r = requests.get(url)', 'r = requests.get(url, verify=CA_BUNDLE)', 'verify with a CA bundle'],
  ['src/client.py', 'r = requests.get(url, verify=False)', 'r = requests.get(url)', 'verify=False removed (tightening)'],
  ['src/middleware/auth.js', 'const user = jwt.decode(token);', 'const user = jwt.verify(token, process.env.JWT_SECRET);', 'jwt.decode → jwt.verify (tightening)'],
  ['src/web/Header.tsx', 'const name = user.name;', 'const claims = jwtDecode(idToken);\nconst name = claims.name;', 'frontend jwtDecode for display'],
  ['src/auth.py', 'payload = jwt.decode(token, SECRET, algorithms=["HS256"])', 'payload = jwt.decode(token, SECRET, algorithms=["HS256"], audience=AUD)', 'PyJWT decode with key and audience'],
  ['src/bootstrap.py', 'os.makedirs(path)', 'os.makedirs(path)\nos.chmod(path, 0o755)', 'chmod 0o755'],
  ['src/keys.py', 'write(path, key)', 'write(path, key)\nos.chmod(path, 0o600)', 'chmod 0o600 (tightening)'],
  ['internal/store/store.go', 'os.MkdirAll(dir, 0o750)', 'os.MkdirAll(dir, 0777)', 'go MkdirAll 0777 (umask applies)'],
  ['src/api/admin/route.ts', 'const supabase = createClient(url, anonKey);', 'const supabase = createClient(url, process.env.SUPABASE_SERVICE_ROLE_KEY!);', 'supabase service role in an API route'],
  ['src/permissions.py', 'class IsOwner(BasePermission):\n    def has_object_permission(self, request, view, obj):\n        return obj.owner == request.user', 'class IsOwner(BasePermission):\n    def has_object_permission(self, request, view, obj):\n        return obj.owner_id == request.user.id', 'permission check refactored'],
  ['src/util.js', 'if (debug) log(x);', 'if (debug || true) log(x);', 'tautology without an access check'],
  ['src/feature.ts', 'export function isEnabled(flag: string): boolean {\n  return flags.has(flag);\n}', 'export function isEnabled(flag: string): boolean {\n  return true;\n}', 'feature flag function returns true'],
  ['app/views.py', "@app.route('/login', methods=['GET', 'POST'])\ndef login():", "@app.route('/signin', methods=['GET', 'POST'])\ndef login():", 'renaming the login route'],
  ['src/main/java/com/acme/SecurityConfig.java', '            .requestMatchers("/admin/**").hasRole("ADMIN")', '            .requestMatchers("/admin/**").hasAnyRole("ADMIN", "OWNER")', 'Spring role list extended'],
  ['app/controllers/posts_controller.rb', "  before_action :authenticate_user!, only: [:edit, :update]", "  before_action :authenticate_user!, only: [:edit, :update, :destroy]", 'rails guard extended'],
  ['src/Controllers/HomeController.cs', '[Authorize]\npublic class HomeController : Controller', '[Authorize]\n[Route("home")]\npublic class HomeController : Controller', 'attribute added next to [Authorize]'],
  ['src/middleware.ts', "export const config = { matcher: ['/dashboard/:path*'] };", "export const config = { matcher: ['/dashboard/:path*', '/settings/:path*'] };", 'next.js matcher widened'],
  ['src/handlers/admin.go', 'admin := r.Group("/admin", AuthRequired())', 'admin := r.Group("/admin", AuthRequired(), RequireRole("admin"))', 'gin role middleware added'],
];

/** Worth one click, not more: test files, CORS `*` without credentials, DB TLS flags, Django debug. */
const REVIEW: Case[] = [
  ['tests/test_client.py', 'r = requests.get("https://localhost:8443/health")', 'r = requests.get("https://localhost:8443/health", verify=False)', 'test file verify=False against localhost'],
  ['src/__tests__/api.test.ts', "const agent = new https.Agent();", "const agent = new https.Agent({ rejectUnauthorized: false });", 'jest test rejectUnauthorized false'],
  ['src/server.js', "app.use(express.json());", "app.use(express.json());\napp.use(cors({ origin: '*' }));", 'CORS * without credentials'],
  ['src/db.ts', "const url = 'postgres://app@db:5432/app';", "const url = 'postgres://app@db:5432/app?sslmode=disable';", 'sslmode=disable'],
];

/** A second batch written after the detectors, in spellings they were not built from (each class). */
const SECOND_SENSITIVE: Case[] = [
  ["app/api/views.py", "@api_view([\"DELETE\"])\n@permission_classes([IsAuthenticated])\ndef purge(request):", "@api_view([\"DELETE\"])\ndef purge(request):", "drf @permission_classes decorator removed"],
  ["app/views.py", "@staff_member_required\ndef stats(request):", "def stats(request):", "staff_member_required removed"],
  ["app/views.py", "@user_passes_test(lambda u: u.is_superuser)\ndef nuke(request):", "def nuke(request):", "user_passes_test removed"],
  ["app/views.py", "class Dash(LoginRequiredMixin, TemplateView):", "class Dash(TemplateView):", "LoginRequiredMixin removed"],
  ["api/main.py", "@router.get(\"/me\", dependencies=[Depends(require_scope(\"admin\"))])", "@router.get(\"/me\")", "fastapi dependencies removed"],
  ["src/app.ts", "app.use('/admin', checkJwt, adminRouter);", "app.use('/admin', adminRouter);", "express mount auth removed"],
  ["src/app.ts", "fastify.addHook('preHandler', fastify.authenticate);", "", "fastify auth hook removed"],
  ["src/routes.ts", "fastify.get('/admin', { preHandler: [fastify.authenticate] }, handler);", "fastify.get('/admin', handler);", "fastify preHandler removed"],
  ["src/app.module.ts", "providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }],", "providers: [],", "nest global APP_GUARD removed"],
  ["src/main.ts", "app.useGlobalGuards(new RolesGuard(reflector));", "", "nest useGlobalGuards removed"],
  ["src/router/index.ts", "  { path: '/admin', component: Admin, beforeEnter: requireAdmin },", "  { path: '/admin', component: Admin },", "vue-router guard removed"],
  ["src/app/app-routing.module.ts", "  { path: 'admin', component: AdminComponent, canActivate: [AuthGuard] },", "  { path: 'admin', component: AdminComponent },", "angular canActivate removed"],
  ["Controllers/OrdersController.cs", "    [Authorize]\n    [HttpGet]\n    public IActionResult List()", "    [HttpGet]\n    public IActionResult List()", "asp [Authorize] bare removed"],
  ["src/main/java/a/Ctl.java", "@PreAuthorize(\"isAuthenticated()\")\n@RestController\npublic class Ctl {", "@RestController\npublic class Ctl {", "class-level PreAuthorize removed"],
  ["src/main/java/a/Sec.java", "        .requestMatchers(\"/admin/**\").hasRole(\"ADMIN\")", "        .requestMatchers(\"/admin/**\").permitAll()", "spring hasRole \u2192 permitAll"],
  ["src/main/java/a/Sec.java", "        http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated());", "        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());", "spring lambda permitAll"],
  ["app/controllers/application_controller.rb", "  before_action :authenticate_user!", "  # before_action :authenticate_user!", "rails before_action commented"],
  ["app/controllers/admin/users_controller.rb", "    authorize! :destroy, @user\n    @user.destroy", "    @user.destroy", "cancan authorize! removed"],
  ["routes/web.php", "Route::get('/admin', [AdminController::class, 'index'])->middleware('auth');", "Route::get('/admin', [AdminController::class, 'index']);", "laravel ->middleware(auth) removed"],
  ["src/Controller/AdminController.php", "    #[IsGranted('ROLE_ADMIN')]\n    public function index(): Response", "    public function index(): Response", "symfony IsGranted removed"],
  ["src/Controller/AdminController.php", "        $this->denyAccessUnlessGranted('ROLE_ADMIN');\n        return $this->render('admin.html.twig');", "        return $this->render('admin.html.twig');", "symfony denyAccessUnlessGranted removed"],
  ["main.go", "mux.Handle(\"/admin\", requireAuth(adminHandler))", "mux.Handle(\"/admin\", adminHandler)", "go wrapper middleware removed"],
  ["main.go", "e.GET(\"/admin\", adminHandler, middleware.JWT([]byte(secret)))", "e.GET(\"/admin\", adminHandler)", "echo JWT middleware removed"],
  ["src/main.rs", "        .wrap(HttpAuthentication::bearer(validator))", "", "actix auth wrap removed"],
  ["app.py", "@app.before_request\ndef check_auth():\n    if not session.get(\"user\"):\n        abort(401)", "@app.before_request\ndef check_auth():\n    pass", "flask before_request body emptied"],
  ["server.js", "  if (req.headers['x-api-key'] !== process.env.API_KEY) {\n    return res.status(401).json({ error: 'unauthorized' });\n  }\n  next();", "  next();", "api key check removed"],
  ["src/middleware.ts", "  const token = await getToken({ req });\n  if (!token) return NextResponse.redirect(new URL('/login', req.url));\n  return NextResponse.next();", "  return NextResponse.next();", "next middleware redirect removed"],
  ["src/guards/admin.guard.ts", "  canActivate(ctx: ExecutionContext) {\n    const req = ctx.switchToHttp().getRequest();\n    return req.user?.role === \"admin\";\n  }", "  canActivate(ctx: ExecutionContext) {\n    return true;\n  }", "nest guard returns true"],
  ["app/policies/post_policy.rb", "  def update?\n    user.admin? || record.user == user\n  end", "  def update?\n    true\n  end", "pundit policy returns true"],
  ["app/Policies/PostPolicy.php", "    public function delete(User $user, Post $post): bool\n    {\n        return $user->id === $post->user_id;\n    }", "    public function delete(User $user, Post $post): bool\n    {\n        return true;\n    }", "laravel policy returns true"],
  ["api/permissions.py", "    def has_permission(self, request, view):\n        return request.user and request.user.is_staff", "    def has_permission(self, request, view):\n        return True", "drf has_permission True"],
  ["src/auth.js", "function isAdmin(user) {\n  return user.roles.includes(\"admin\");\n}", "function isAdmin(user) {\n  return true;\n}", "isAdmin returns true"],
  ["src/auth.py", "if not user.is_authenticated:\n    return redirect(\"/login\")", "if False and not user.is_authenticated:\n    return redirect(\"/login\")", "if False and ..."],
  ["src/http.py", "resp = urllib.request.urlopen(url)", "resp = urllib.request.urlopen(url, context=ssl._create_unverified_context())", "urlopen unverified"],
  ["src/mail.py", "server = smtplib.SMTP_SSL(host, 465, context=ssl.create_default_context())", "ctx = ssl.create_default_context()\nctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE\nserver = smtplib.SMTP_SSL(host, 465, context=ctx)", "smtp CERT_NONE"],
  ["src/client.ts", "const res = await axios.get(url);", "const res = await axios.get(url, { httpsAgent: new https.Agent({ rejectUnauthorized: false }) });", "axios agent"],
  ["src/ws.js", "const ws = new WebSocket(url);", "const ws = new WebSocket(url, { rejectUnauthorized: false });", "ws rejectUnauthorized"],
  ["src/tls.go", "cfg := &tls.Config{MinVersion: tls.VersionTLS12}", "cfg := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true} // dev", "go tls config"],
  ["src/net.kt", "val client = OkHttpClient.Builder().build()", "val client = OkHttpClient.Builder().hostnameVerifier { _, _ -> true }.build()", "okhttp hostname verifier"],
  ["src/Http.cs", "ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;", "ServicePointManager.ServerCertificateValidationCallback += (s, c, ch, e) => true;", "ServicePointManager callback"],
  ["lib/api.rb", "conn = Faraday.new(url: base)", "conn = Faraday.new(url: base, ssl: { verify: false })", "faraday ssl verify false"],
  ["src/fetch.php", "$ctx = stream_context_create();", "$ctx = stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]);", "php stream verify_peer"],
  ["src/auth.py", "data = jwt.decode(tok, key, algorithms=[\"RS256\"], audience=AUD)", "data = jwt.decode(tok, key, algorithms=[\"RS256\"], options={\"verify_aud\": False, \"verify_signature\": False})", "pyjwt options off"],
  ["src/auth.ts", "const decoded = jwt.verify(token, publicKey, { algorithms: ['RS256'] }) as Claims;", "const decoded = jwt.decode(token) as Claims;", "ts verify\u2192decode"],
  ["src/auth.go", "token, err := jwt.ParseWithClaims(raw, &Claims{}, keyFunc)", "token, _, err := jwt.NewParser().ParseUnverified(raw, &Claims{})", "go ParseUnverified"],
  ["src/Startup.cs", "            RequireSignedTokens = true,", "            RequireSignedTokens = false,", "RequireSignedTokens false"],
  ["src/auth/jwt.strategy.ts", "      ignoreExpiration: false,", "      ignoreExpiration: true,", "passport-jwt ignoreExpiration"],
  ["src/app.py", "CORS(app, resources={r\"/api/*\": {\"origins\": \"https://app.example.com\"}}, supports_credentials=True)", "CORS(app, resources={r\"/api/*\": {\"origins\": \"*\"}}, supports_credentials=True)", "flask-cors resources *"],
  ["src/server.ts", "app.use(cors({ origin: process.env.APP_URL, credentials: true }));", "app.use(cors({ origin: (origin, callback) => callback(null, origin), credentials: true }));", "cors reflect callback"],
  ["src/main.go", "handler := cors.New(cors.Options{AllowedOrigins: []string{\"https://a.com\"}, AllowCredentials: true})", "handler := cors.New(cors.Options{AllowedOrigins: []string{\"*\"}, AllowCredentials: true})", "rs/cors *"],
  ["src/index.ts", "app.use('*', cors({ origin: 'https://a.com', credentials: true }))", "app.use('*', cors({ origin: (o) => o, credentials: true }))", "hono reflect"],
  ["src/Config.java", "config.setAllowedOrigins(List.of(\"https://a.com\"));\nconfig.setAllowCredentials(true);", "config.setAllowedOriginPatterns(List.of(\"*\"));\nconfig.setAllowCredentials(true);", "spring CorsConfiguration *"],
  ["src/handler.py", "    response.headers['Access-Control-Allow-Origin'] = 'https://a.com'\n    response.headers['Access-Control-Allow-Credentials'] = 'true'", "    response.headers['Access-Control-Allow-Origin'] = request.headers.get('Origin')\n    response.headers['Access-Control-Allow-Credentials'] = 'true'", "python reflected origin"],
  ["policies/main.rego", "default allow := false\n\nallow if input.user.admin", "default allow := true\n\nallow if input.user.admin", "rego default true"],
  ["policy/deny.rego", "deny contains msg if {\n    not input.user\n    msg := \"no user\"\n}", "", "rego deny rule removed"],
  ["firestore.rules", "    match /{document=**} {\n      allow read, write: if false;\n    }", "    match /{document=**} {\n      allow read, write;\n    }", "firestore bare allow"],
  ["firestore.rules", "      allow read, write: if request.auth.uid == userId;", "      allow read, write: if true;", "firestore if true"],
  ["storage.rules", "      allow read: if request.auth != null;", "      allow read;", "storage bare allow"],
  ["database.rules.json", "    \".write\": \"auth != null\",", "    \".write\": true,", "rtdb write true"],
  ["src/lib/supabaseClient.js", "export const supabase = createClient(SUPABASE_URL, SUPABASE_ANON_KEY)", "export const supabase = createClient(SUPABASE_URL, import.meta.env.VITE_SUPABASE_SERVICE_ROLE_KEY)", "vite service role"],
  ["src/tools.py", "def prep(p):\n    os.makedirs(p)", "def prep(p):\n    os.makedirs(p)\n    os.chmod(p, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)", "chmod S_IRWXO"],
  ["src/tools.rb", "File.write(path, data)", "File.write(path, data)\nFileUtils.chmod(0o777, path)", "ruby FileUtils.chmod"],
  ["src/io.rs", "fs::write(&p, data)?;", "fs::write(&p, data)?;\nfs::set_permissions(&p, fs::Permissions::from_mode(0o777))?;", "rust from_mode 777"],
  ["src/cfg.ts", "export default { auth: { enabled: true } }", "export default { auth: { enabled: false } }", "nested auth.enabled false"],
  ["config/default.json", "{ \"security\": { \"authentication\": true } }", "{ \"security\": { \"authentication\": false } }", "json authentication false"],
];

/** Ordinary edits of the same files and frameworks. */
const SECOND_ORDINARY: Case[] = [
  ["app/views.py", "@login_required\ndef a(request):\n    pass", "@login_required\ndef a(request):\n    return HttpResponse(\"ok\")", "body change"],
  ["src/routes.ts", "router.get('/me', requireAuth, me);", "router.get('/me', requireAuth, rateLimit, me);", "add middleware"],
  ["src/server.ts", "app.use(authMiddleware);", "app.use(authMiddleware({ exclude: [] }));", "middleware config"],
  ["src/auth.ts", "export function isAdmin(u: User) {\n  return u.role === 'admin';\n}", "export function isAdmin(u: User): boolean {\n  return u.roles.includes('admin');\n}", "isAdmin refactor"],
  ["src/auth.ts", "const token = req.headers.authorization?.split(' ')[1];", "const token = extractBearer(req);", "token extraction refactor"],
  ["app/models.py", "class User(AbstractUser):\n    role = models.CharField(max_length=20)", "class User(AbstractUser):\n    role = models.CharField(max_length=32, default='member')", "role model"],
  ["src/user.service.ts", "  async findAll() {\n    return this.repo.find();\n  }", "  async findAll(role?: string) {\n    return this.repo.find({ where: { role } });\n  }", "service role filter"],
  ["src/client.py", "resp = requests.post(url, json=payload, timeout=10)", "resp = requests.post(url, json=payload, timeout=30)", "timeout change"],
  ["src/cors.ts", "app.use(cors({ origin: ['https://a.com'] }));", "app.use(cors({ origin: ['https://a.com', 'http://localhost:3000'] }));", "cors allowlist"],
  ["firestore.rules", "      allow read: if request.auth != null;", "      allow read: if request.auth != null;\n      allow create: if request.auth != null && request.resource.data.owner == request.auth.uid;", "firestore add rule"],
  ["policy/authz.rego", "allow if {\n    input.user.role == \"admin\"\n}", "allow if {\n    input.user.role in {\"admin\", \"owner\"}\n}", "rego rule edited"],
  ["src/auth.py", "payload = jwt.decode(token, key, algorithms=[\"HS256\"])", "payload = jwt.decode(token, key, algorithms=[\"HS256\"], leeway=10)", "jwt leeway"],
  ["src/login.ts", "if (!user) {\n  return res.status(401).json({ error: \"invalid\" });\n}", "if (!user) {\n  return res.status(401).json({ error: \"invalid credentials\" });\n}", "401 message edit"],
  ["src/login.ts", "if (!user) {\n  return res.status(401).json({ error: \"invalid\" });\n}", "if (!user) {\n  throw new UnauthorizedError(\"invalid\");\n}", "401 refactor to throw"],
  ["tests/test_auth.py", "def test_login():\n    pass", "def test_login(client):\n    r = client.post(\"/login\", data={\"u\": \"a\"})\n    assert r.status_code == 200", "test"],
  ["src/app.py", "app = Flask(__name__)", "app = Flask(__name__)\napp.config[\"SESSION_COOKIE_SECURE\"] = True", "tighten cookie"],
  ["src/views.py", "def logout(request):\n    auth_logout(request)\n    return redirect('/')", "def logout(request):\n    auth_logout(request)\n    return redirect('/login')", "logout redirect"],
  ["src/perm.ts", "export const canEdit = (u: User, p: Post) => u.id === p.authorId;", "export const canEdit = (u: User, p: Post) => u.id === p.authorId || u.role === 'admin';", "canEdit extended"],
  ["src/app/page.tsx", "const { data } = await supabase.from('posts').select();", "const { data } = await supabase.from('posts').select('*').eq('published', true);", "supabase query"],
  ["src/files.py", "os.chmod(path, 0o644)", "os.chmod(path, 0o640)", "chmod tighten"],
];

/** A third batch: more frameworks (Phoenix, chi, ASP.NET pipeline, Laravel/HTTParty TLS, nginx/vercel CORS, umask/chmod tightened→loosened). */
const THIRD_SENSITIVE: Case[] = [
  ["lib/app_web/router.ex", "    pipe_through [:browser, :require_authenticated_user]", "    pipe_through [:browser]", "phoenix pipe_through auth removed"],
  ["lib/app_web/controllers/admin_controller.ex", "  plug :require_admin\n  def index(conn, _params) do", "  def index(conn, _params) do", "phoenix plug removed"],
  ["app/auth.py", "@app.route(\"/admin\")\n@requires_auth\ndef admin():", "@app.route(\"/admin\")\ndef admin():", "auth0 @requires_auth removed"],
  ["app/auth.py", "@app.route(\"/export\")\n@token_required\ndef export():", "@app.route(\"/export\")\ndef export():", "@token_required removed"],
  ["app/auth.py", "@bp.route(\"/users\")\n@roles_required(\"admin\")\ndef users():", "@bp.route(\"/users\")\ndef users():", "@roles_required removed"],
  ["app/views.py", "    if not current_user.is_authenticated:\n        return login_manager.unauthorized()\n    return render_template(\"x.html\")", "    return render_template(\"x.html\")", "flask-login unauthorized() removed"],
  ["src/Startup.cs", "app.UseAuthentication();\napp.UseAuthorization();\napp.MapControllers();", "app.MapControllers();", "asp UseAuthentication removed"],
  ["cmd/api/routes.go", "r.With(jwtauth.Verifier(tokenAuth), jwtauth.Authenticator).Get(\"/admin\", adminHandler)", "r.Get(\"/admin\", adminHandler)", "chi jwtauth removed"],
  ["cmd/api/handlers.go", "\tif !isAdmin(user) {\n\t\thttp.Error(w, \"forbidden\", http.StatusForbidden)\n\t\treturn\n\t}\n\tdeleteAll()", "\tdeleteAll()", "go forbidden branch removed"],
  ["app/api.py", "    if user.role != \"admin\":\n        raise HTTPException(status_code=403, detail=\"Forbidden\")\n    return purge()", "    return purge()", "fastapi 403 removed"],
  ["app/controllers/reports_controller.rb", "  http_basic_authenticate_with name: \"admin\", password: ENV[\"PW\"]\n  def index", "  def index", "rails http_basic removed"],
  ["src/tls.js", "https.globalAgent.options.ca = ca;", "https.globalAgent.options.rejectUnauthorized = false;", "globalAgent rejectUnauthorized = false"],
  ["app/Services/Api.php", "$r = Http::get($url);", "$r = Http::withoutVerifying()->get($url);", "laravel withoutVerifying"],
  ["lib/client.rb", "HTTParty.get(url)", "HTTParty.get(url, verify: false)", "httparty verify false"],
  ["src/main/java/a/Tm.java", null, "TrustManager[] tms = new TrustManager[]{ new X509TrustManager() {\n    public void checkClientTrusted(X509Certificate[] c, String a) {}\n    public void checkServerTrusted(X509Certificate[] c, String a) {}\n    public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }\n}};", "anonymous trust manager"],
  ["src/Http.cs", "handler.ServerCertificateCustomValidationCallback = null;", "handler.ServerCertificateCustomValidationCallback = delegate { return true; };", "delegate return true"],
  ["src/app.js", "app.use(jwt({ secret, algorithms: ['HS256'] }));", "app.use(jwt({ secret, algorithms: ['HS256'], credentialsRequired: false }));", "express-jwt credentialsRequired false"],
  ["src/Jwt.java", "DecodedJWT jwt = verifier.verify(token);", "DecodedJWT jwt = JWT.decode(token);", "auth0 java verify\u2192decode"],
  ["src/server.js", "res.header('Access-Control-Allow-Origin', 'https://a.com');\nres.header('Access-Control-Allow-Credentials', true);", "res.header('Access-Control-Allow-Origin', '*');\nres.header('Access-Control-Allow-Credentials', true);", "express header * + creds"],
  ["deploy/nginx.conf", "    add_header Access-Control-Allow-Origin https://a.com;\n    add_header Access-Control-Allow-Credentials true;", "    add_header Access-Control-Allow-Origin $http_origin;\n    add_header Access-Control-Allow-Credentials true;", "nginx reflect origin + creds"],
  ["vercel.json", "{ \"headers\": [{ \"source\": \"/api/(.*)\", \"headers\": [{ \"key\": \"Access-Control-Allow-Credentials\", \"value\": \"true\" }, { \"key\": \"Access-Control-Allow-Origin\", \"value\": \"https://a.com\" }] }] }", "{ \"headers\": [{ \"source\": \"/api/(.*)\", \"headers\": [{ \"key\": \"Access-Control-Allow-Credentials\", \"value\": \"true\" }, { \"key\": \"Access-Control-Allow-Origin\", \"value\": \"*\" }] }] }", "vercel headers *"],
  ["authz/policy.rego", "package httpapi.authz\n\ndefault allow = false", "package httpapi.authz\n\ndefault allow = true", "rego httpapi"],
  ["firestore.rules", "match /posts/{id} {\n  allow read: if resource.data.published == true;\n  allow write: if request.auth.uid == resource.data.author;\n}", "match /posts/{id} {\n  allow read: if resource.data.published == true;\n  allow write: if true;\n}", "firestore write if true"],
  ["src/app.py", "os.umask(0o022)", "os.umask(0o000)", "umask 000"],
  ["src/worker.js", "fs.chmodSync(sock, 0o700);", "fs.chmodSync(sock, 0o777);", "socket chmod 777"],
  ["src/main/resources/application.properties", "management.security.enabled=true", "management.security.enabled=false", "spring properties security.enabled=false"],
  ["config/mongod.yaml", "security:\n  authorization: enabled", "security:\n  authorization: disabled", "mongod authorization disabled"],
  ["nb/explore.ipynb", "r = requests.get(url)", "r = requests.get(url, verify=False)", "notebook cell verify=False"],
];

/** Ordinary edits next to guards, refactors that keep the check. */
const THIRD_ORDINARY: Case[] = [
  ["app/views.py", "@login_required\ndef a(request):\n    x = 1", "@login_required\n@require_POST\ndef a(request):\n    x = 1", "decorator added next to login_required"],
  ["src/Startup.cs", "app.UseAuthentication();\napp.UseAuthorization();", "app.UseHttpsRedirection();\napp.UseAuthentication();\napp.UseAuthorization();", "asp pipeline extended"],
  ["src/api.js", "if (!user) return res.status(401).end();", "if (!user) return unauthorized(res);", "401 moved to helper"],
  ["src/tls.js", "const agent = new https.Agent({ rejectUnauthorized: true });", "const agent = new https.Agent({ rejectUnauthorized: true, keepAlive: true });", "agent keepalive"],
  ["src/jwt.ts", "const claims = jwt.verify(token, key);", "const claims = verifyToken(token, key);", "verify moved to helper"],
  ["lib/app_web/router.ex", "    pipe_through [:browser]", "    pipe_through [:browser, :require_authenticated_user]", "phoenix auth added"],
  ["src/roles.py", "ROLES = [\"admin\", \"editor\"]", "ROLES = [\"admin\", \"editor\", \"viewer\"]", "roles list"],
  ["src/admin.ts", "if (user.role !== 'admin') throw new ForbiddenException();", "if (!user.roles.includes('admin')) throw new ForbiddenException();", "403 condition refactor"],
  ["src/auth/login.ts", "export async function login(req, res) {\n  const user = await users.find(req.body.email);", "export async function login(req, res) {\n  const user = await users.findByEmail(req.body.email);", "login refactor"],
  ["tests/test_api.py", "client = TestClient(app)", "client = TestClient(app)\napp.dependency_overrides[get_current_user] = lambda: fake_user", "test overrides auth dep"],
  ["src/server.js", "app.use(cors());", "app.use(cors({ origin: process.env.CORS_ORIGIN }));", "cors from env"],
  ["config/nginx.conf", "    add_header X-Frame-Options DENY;", "    add_header X-Frame-Options DENY;\n    add_header X-Content-Type-Options nosniff;", "nginx header"],
  ["src/files.go", "os.WriteFile(p, b, 0600)", "os.WriteFile(p, b, 0644)", "writefile mode"],
  ["src/settings.py", "DEBUG = False", "DEBUG = env.bool(\"DEBUG\", default=False)", "debug from env"],
  ["src/hooks/useAuth.ts", "export function useAuth() {\n  return useContext(AuthContext);\n}", "export function useAuth() {\n  const ctx = useContext(AuthContext);\n  if (!ctx) throw new Error(\"no provider\");\n  return ctx;\n}", "react hook"],
];

test('authentication or authorization removed: sensitive in every agent format, naming the line', async () => {
  await expectSensitive(AUTH_REMOVED);
});

test('authentication or authorization bypassed: sensitive in every agent format, naming the line', async () => {
  await expectSensitive(AUTH_BYPASSED);
});

test('TLS verification off: sensitive in every agent format, naming the line', async () => {
  await expectSensitive(TLS_OFF);
});

test('JWT verification off: sensitive in every agent format, naming the line', async () => {
  await expectSensitive(JWT_OFF);
});

test('CORS open to any origin with credentials: sensitive in every agent format', async () => {
  await expectSensitive(CORS_OPEN);
});

test('policy engines, Firebase rules and Supabase keys opened: sensitive in every agent format', async () => {
  await expectSensitive(RULES_OPEN);
});

test('world-writable modes, umask(0) and setuid(0) from code: sensitive', async () => {
  await expectSensitive(PERMS_FROM_CODE);
});

test('a second batch of spellings across every class: sensitive in every agent format', async () => {
  await expectSensitive(SECOND_SENSITIVE);
});

test('a second batch of ordinary edits: not sensitive', async () => {
  await expectNotSensitive(SECOND_ORDINARY);
});

test('a third batch of spellings: sensitive in every agent format', async () => {
  await expectSensitive(THIRD_SENSITIVE);
});

test('a third batch of ordinary edits: not sensitive', async () => {
  await expectNotSensitive(THIRD_ORDINARY);
});

test('ordinary code work about auth, roles, CORS, TLS and rules is not sensitive', async () => {
  await expectNotSensitive(ORDINARY);
});

test('test files, CORS without credentials and database TLS flags are a review', async () => {
  await expectReview(REVIEW);
});

test('the reason names the removed line and the function it guarded (file line when the file is known)', async () => {
  const v = await evaluate(EDIT.claude(`${CWD}/app/views.py`, '@login_required\ndef delete_user(request, id):', 'def delete_user(request, id):'), 'claude');
  const r = v.reasons.find((x) => x.rule === 'content.auth-removed');
  assert.ok(r, JSON.stringify(v.reasons));
  assert.match(r.message, /line 1 of the edit: `login_required` removed from `delete_user`/);
  const p = await evaluate(EDIT.codex(`${CWD}/app/views.py`, '@login_required\ndef delete_user(request, id):', 'def delete_user(request, id):'), 'codex');
  const pr = p.reasons.find((x) => x.rule === 'content.auth-removed');
  assert.ok(pr, JSON.stringify(p.reasons));
  assert.match(pr.message, /^patch line 4: /);
  assert.equal(pr.span?.field, 'content');
});

test('a whole-file write: the new line is named by its number in the file', async () => {
  const content = 'import requests\n\n\ndef fetch(url):\n    return requests.get(url, verify=False)\n';
  const v = await evaluate(WRITE.claude(`${CWD}/src/fetch.py`, content), 'claude');
  const r = v.reasons.find((x) => x.rule === 'content.tls-off');
  assert.ok(r);
  assert.match(r.message, /^line 5: /);
  assert.equal(r.span?.text, 'verify=False');
});

test('with the whole file known: CORS halves apart, Next.js matcher narrowed, lines counted in the file', () => {
  const before = "import cors from 'cors';\n\nconst app = express();\napp.use(cors({\n  origin: allowList,\n  credentials: true,\n}));\n";
  const after = before.replace('origin: allowList', 'origin: true');
  const hits = changeHits(`${CWD}/src/server.ts`, { before: '  origin: allowList,', after: '  origin: true,', wholeBefore: before, wholeAfter: after, lineName: (_s, k) => `line ${k + 5}` });
  assert.deepEqual(hits.map((h) => [h.rule, h.risk, h.message.slice(0, 7)]), [['content.cors-open', 'sensitive', 'line 5:']]);

  const mw = "import { withAuth } from 'next-auth/middleware';\nexport default withAuth;\nexport const config = { matcher: ['/dashboard/:path*', '/admin/:path*'] };\n";
  const narrowed = mw.replace(", '/admin/:path*'", '');
  const m = changeHits(`${CWD}/src/middleware.ts`, { before: mw, after: narrowed });
  assert.equal(m.length, 1);
  assert.equal(m[0]!.rule, 'content.auth-removed');
  assert.match(m[0]!.message, /^line 3: `\/admin\/:path\*` removed from the middleware matcher/);
  assert.deepEqual(changeHits(`${CWD}/src/middleware.ts`, { before: narrowed, after: mw }), []);
});

test('a change that keeps the guard and the same text on both sides finds nothing', () => {
  const text = "@login_required\ndef a(request):\n    return requests.get(u, verify=False)\n";
  assert.deepEqual(changeHits(`${CWD}/app/views.py`, { before: text, after: text }), []);
});
