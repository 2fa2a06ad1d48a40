// A real OpenID Connect provider for Stagedoor's sign-in tests and demo
// (node-oidc-provider, its own login and consent pages), on 127.0.0.1 only.
// One confidential client, the Backstage backend; users sign in with a password.
//   node index.js [port]      (OIDC_PORT, default 7100)
import { generateKeyPairSync } from 'node:crypto';
import * as querystring from 'node:querystring';
import Provider from 'oidc-provider';

const port = Number(process.argv[2] || process.env.OIDC_PORT || 7100);
const issuer = `http://127.0.0.1:${port}`;
const backend = process.env.BACKEND_URL || 'http://127.0.0.1:7007';
// The guarded backend (permission tests) signs users in through this provider too.
const guarded = process.env.GUARDED_BACKEND_URL || 'http://127.0.0.1:7008';

// Alice and Carol have User entities in the fixture catalog (matched by email);
// Mallory does not, so the backend refuses her sign-in.
const users = {
  'alice@acme.example': { password: 'alice-secret', name: 'Alice Moreau' },
  'carol@acme.example': { password: 'carol-secret', name: 'Carol Lindqvist' },
  'mallory@outside.example': { password: 'mallory-secret', name: 'Mallory Outsider' },
};

// A fresh signing key each start: tokens never outlive the test run.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'stagedoor-test', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'backstage',
    client_secret: 'backstage-test-secret',
    redirect_uris: [`${backend}/api/auth/oidc/handler/frame`, `${guarded}/api/auth/oidc/handler/frame`],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  }],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['stagedoor-test-cookie-key'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  async findAccount(_ctx, id) {
    const user = users[id];
    if (!user) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true, name: user.name }) };
  },
  // Backstage keeps the refresh token in its cookie to restore a session on
  // reload; it asks for the openid, profile and email scopes only.
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
});
provider.proxy = false;

// The default login page takes any login: check the password before it goes on.
provider.use(async (ctx, next) => {
  if (ctx.method !== 'POST' || !/^\/interaction\/[^/]+$/.test(ctx.path)) return next();
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const raw = Buffer.concat(chunks).toString('utf8');
  const form = querystring.parse(raw);
  if (form.prompt === 'login' && users[form.login]?.password !== form.password) {
    ctx.status = 401;
    ctx.type = 'html';
    ctx.body = `<!doctype html><title>Sign-in</title><h1>Sign-in</h1><p role="alert">Wrong email or password.</p><p><a href="${ctx.path}">Try again</a></p>`;
    return undefined;
  }
  ctx.req.body = raw; // what the provider's own body parser reads next
  return next();
});

provider.listen(port, '127.0.0.1', () => console.log(`OIDC provider at ${issuer}`));
