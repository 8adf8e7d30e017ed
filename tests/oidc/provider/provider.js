// A real OpenID Connect provider (the certified `oidc-provider` package) for Erfa's single sign-on tests.
//
// Usage: node provider.js PORT. tests/accounts/conftest.py starts it on a free loopback port and waits for
// /.well-known/openid-configuration. It knows one confidential client (Erfa, on any loopback port, as
// RFC 8252 allows a "native" client) and the test accounts below, each with a groups claim. Logging in and
// consenting use the package's development interactions (a form that takes the account id and any password);
// logging out is RP-initiated logout with a confirmation page that loads nothing from outside.
import Provider from "oidc-provider";

const port = Number(process.argv[2] || 0);
const issuer = `http://127.0.0.1:${port}`;

// Account id (what the login form takes, and the subject, `sub`) -> claims. The tests refer to these.
export const ACCOUNTS = {
  "cecilia": {
    preferred_username: "cecilia", email: "cecilia.berg@example.org", email_verified: true,
    given_name: "Cecilia", family_name: "Berg", name: "Cecilia Berg", groups: ["erfa-communications", "staff"],
  },
  "rasmus": {
    preferred_username: "rasmus", email: "rasmus.lind@example.org", email_verified: true,
    given_name: "Rasmus", family_name: "Lind", name: "Rasmus Lind", groups: ["erfa-resource-persons"],
  },
  "ella": {
    preferred_username: "ella", email: "ella.nyberg@example.org", email_verified: true,
    given_name: "Ella", family_name: "Nyberg", name: "Ella Nyberg", groups: [],
  },
};

// The tests change an account's groups between logins (a user removed from a group) through this endpoint.
const GROUPS_PATH = "/test/groups/";

const configuration = {
  clients: [
    {
      client_id: "erfa",
      client_secret: "erfa-test-secret",
      application_type: "native",
      grant_types: ["authorization_code"],
      response_types: ["code"],
      redirect_uris: ["http://127.0.0.1/oidc/callback/", "http://localhost/oidc/callback/"],
      post_logout_redirect_uris: ["http://127.0.0.1/oidc/logged-out/", "http://localhost/oidc/logged-out/"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "given_name", "family_name", "preferred_username"],
    groups: ["groups"],
  },
  scopes: ["openid", "email", "profile", "groups", "offline_access"],
  // Claims go into the ID token too, so that Erfa sees the groups without depending on the userinfo call.
  conformIdTokenClaims: false,
  pkce: { required: () => false },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource(ctx, form) {
        ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign out</title></head>
          <body><h1>Sign out of the test provider?</h1>${form}
          <button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></body></html>`;
      },
    },
  },
  async findAccount(ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  cookies: { keys: ["erfa-test-cookie-key"] },
  ttl: { Session: 3600, Interaction: 3600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
};

const provider = new Provider(issuer, configuration);
// The issuer is plain HTTP on loopback: a test provider, never a real one.
provider.proxy = false;

// PUT /test/groups/<account> with a JSON list replaces that account's groups (for "removed from a group").
provider.use(async (ctx, next) => {
  if (ctx.path.startsWith(GROUPS_PATH) && ctx.method === "PUT") {
    const id = ctx.path.slice(GROUPS_PATH.length);
    let body = "";
    for await (const chunk of ctx.req) body += chunk;
    if (!ACCOUNTS[id]) ctx.throw(404);
    ACCOUNTS[id].groups = JSON.parse(body);
    ctx.status = 204;
    return;
  }
  await next();
});

const server = provider.listen(port, "127.0.0.1", () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
