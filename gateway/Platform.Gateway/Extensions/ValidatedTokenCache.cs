using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Gateway.Extensions;

/// <summary>
/// The gateway's token handler: validates a bearer token as JwtBearer always does, then remembers a token that passed
/// for a short while, so that a client's next calls with the same token skip the RSA signature check. Profiling the
/// gateway under load (docs/benchmarks.md) found that check the largest single cost of a proxied call. Envoy's
/// jwt_authn keeps such a cache too.
/// <para>
/// Only valid results are kept, keyed by the whole token string; an entry is used only before the token's own expiry
/// and for at most <see cref="MaxAge"/>, so a signing key the issuer withdraws stops being honoured by the gateway
/// within that time (and by the services, which validate every call themselves, at once). Each caller gets its own
/// copy of the identity, never a shared one.
/// </para>
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider clock) : JsonWebTokenHandler
{
    /// <summary>How long a validated token is trusted without checking its signature again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    /// <summary>Beyond this many distinct tokens the cache starts afresh (bounded memory under a flood of tokens).</summary>
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _valid = new(StringComparer.Ordinal);

    private sealed record Entry(TokenValidationResult Result, DateTimeOffset Until);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_valid.TryGetValue(token, out var entry))
        {
            if (now < entry.Until)
            {
                return Copy(entry.Result);
            }
            _valid.TryRemove(token, out _);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result is { IsValid: true, ClaimsIdentity: not null, SecurityToken: { } securityToken })
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(securityToken.ValidTo, DateTimeKind.Utc));
            var until = now + MaxAge < expires ? now + MaxAge : expires;
            if (securityToken.ValidTo != DateTime.MinValue && until > now)
            {
                if (_valid.Count >= Capacity)
                {
                    _valid.Clear();
                }
                _valid[token] = new Entry(result, until);
            }
        }
        return result;
    }

    private static TokenValidationResult Copy(TokenValidationResult cached) => new()
    {
        IsValid = true,
        ClaimsIdentity = (ClaimsIdentity)cached.ClaimsIdentity.Clone(),
        SecurityToken = cached.SecurityToken,
        Issuer = cached.Issuer,
        TokenType = cached.TokenType,
    };
}
