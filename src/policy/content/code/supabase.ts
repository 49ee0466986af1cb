// The Supabase service-role key (which bypasses row-level security) used where it reaches a browser: a variable
// the bundler publishes (`NEXT_PUBLIC_…SERVICE_ROLE…`, `VITE_…`), or a client created with it in client-side code
// (components, pages outside `api/`, a `'use client'` module, a .jsx/.tsx/.vue/.svelte file). Server code (API
// routes, server actions, edge functions) legitimately holds it.
import { addedMatches, excerpt, type Change, type Findings } from './change';

const PUBLIC_SERVICE_KEY = /\b(?:NEXT_PUBLIC|VITE|REACT_APP|EXPO_PUBLIC|PUBLIC|NUXT_PUBLIC|GATSBY|VUE_APP)_\w*SERVICE_?ROLE\w*/g;
const SERVICE_KEY_CLIENT = /\bcreate(?:Browser)?Client\s*\([^)]{0,200}(?:service_?role|SERVICE_?ROLE|serviceRole)[^)]{0,200}\)|\bcreate(?:Browser)?Client\s*\(\s*[^,]+,\s*['"]eyJ[\w-]+\.[\w-]*c2VydmljZV9yb2xl/g;

function clientSide(ch: Change): boolean {
  const p = ch.file.path;
  if (/\/(?:api|server|functions|supabase\/functions|scripts?|migrations?|seed\w*|jobs|workers?|cron|backend)\//.test(p) || /\/route\.[jt]s$|\.server\.[jt]sx?$/.test(p)) return false;
  if (/^\s*['"]use server['"]/m.test(ch.wholeAfter?.text ?? ch.after.text)) return false;
  if (/^\s*['"]use client['"]/m.test(ch.wholeAfter?.text ?? ch.after.text)) return true;
  return ['jsx', 'tsx', 'vue', 'svelte', 'astro'].includes(ch.file.ext) || /\/(?:components|pages|app|client|frontend|web|public|browser|views|hooks|composables)\//.test(p);
}

export function supabaseServiceKey(ch: Change, out: Findings): void {
  for (const m of addedMatches(ch, PUBLIC_SERVICE_KEY)) out.added('content.secret', m, `\`${m.text}\`: the Supabase service-role key (bypasses row-level security) would be published to the browser.`);
  if (!clientSide(ch)) return;
  for (const m of addedMatches(ch, SERVICE_KEY_CLIENT)) out.added('content.secret', m, `\`${excerpt(m.text, 60)}\`: client-side code creates a Supabase client with the service-role key (bypasses row-level security).`);
}
