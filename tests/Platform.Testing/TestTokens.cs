using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Testing;

/// <summary>
/// Access tokens for services hosted in a test, signed by a key the test host trusts, shaped like the
/// platform issuer's: sub, body, role, client_id, scope, audience "platform-api". Also the bad ones.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://issuer.test.platform/";
    public const string Audience = "platform-api";

    public static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private static readonly RsaSecurityKey OtherKey = new(RSA.Create(2048)) { KeyId = "test-key" };

    public static readonly string[] Bodies = ["organization", "home-affairs", "delegate-affairs"];
    public static readonly string[] Roles = ["viewer", "editor", "vetting", "reviewer", "ops"];

    /// <summary>The scopes the platform's issuer grants a body and role: every body's read, its own write for editors, reviewers and ops.</summary>
    public static string ScopesOf(string body, string role) =>
        string.Join(' ', Bodies.Select(b => $"{b}.read").Concat(role is "editor" or "reviewer" or "ops" ? [$"{body}.write"] : []));

    public static string For(string body, string role) => Create(Claims(body, role));

    /// <summary>The person's name a test token carries (the platform's issuer puts the display name there).</summary>
    public static string NameOf(string body, string role) => $"Người kiểm thử {body}-{role}";

    public static string Expired(string body, string role) =>
        Create(Claims(body, role), notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1));

    public static string WrongAudience(string body, string role) => Create(Claims(body, role), audience: "someone-else");

    public static string WrongIssuer(string body, string role) => Create(Claims(body, role), issuer: "https://impostor.test/");

    public static string SignedByAnotherKey(string body, string role) => Create(Claims(body, role), key: OtherKey);

    /// <summary>A valid token whose payload was changed afterwards (an editor's role claimed by a viewer).</summary>
    public static string Tampered(string body)
    {
        var parts = For(body, "viewer").Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"viewer\"", "\"editor\"");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    /// <summary>An unsigned token ("alg": "none").</summary>
    public static string Unsigned(string body, string role)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var parts = For(body, role).Split('.');
        return $"{header}.{parts[1]}.";
    }

    private static Dictionary<string, object> Claims(string body, string role) => new()
    {
        ["sub"] = $"{body}-{role}",
        ["name"] = NameOf(body, role),
        ["body"] = body,
        ["role"] = role,
        ["client_id"] = $"{body}-{role}",
        ["scope"] = ScopesOf(body, role),
    };

    private static string Create(Dictionary<string, object> claims, string issuer = Issuer, string audience = Audience,
        RsaSecurityKey? key = null, DateTime? notBefore = null, DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            IssuedAt = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        });
}
