using System.Security.Claims;
using Platform.Contracts.IntegrationEvents;

namespace Platform.Api.Security;

/// <summary>The three bodies, by the names tokens carry in their "body" claim.</summary>
public static class PlatformBodies
{
    public const string Organization = "organization";
    public const string HomeAffairs = "home-affairs";
    public const string DelegateAffairs = "delegate-affairs";

    public static readonly IReadOnlyList<string> All = [Organization, HomeAffairs, DelegateAffairs];
}

/// <summary>The claims a platform access token carries.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Body = "body";
    public const string Role = "role";
    public const string Scope = "scope";
    public const string ClientId = "client_id";
    public const string Name = "name";
}

/// <summary>
/// Who is calling, read from a validated access token: the person's or app's subject, its body,
/// its roles in that body, the client it used and the scopes it was granted.
/// </summary>
public sealed record PlatformPrincipal(string Subject, string? Body, IReadOnlySet<string> Roles, string? ClientId, IReadOnlySet<string> Scopes)
{
    public static PlatformPrincipal? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirst(PlatformClaims.Subject)?.Value is not { Length: > 0 } subject)
        {
            return null;
        }
        // Scopes arrive as one space-separated claim (OAuth) or as several claims.
        var scopes = user.FindAll(PlatformClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        return new PlatformPrincipal(
            subject,
            user.FindFirst(PlatformClaims.Body)?.Value,
            user.FindAll(PlatformClaims.Role).Select(c => c.Value).ToHashSet(),
            user.FindFirst(PlatformClaims.ClientId)?.Value,
            scopes);
    }

    public Actor ToActor() => new(Subject, Body ?? "", ClientId);
}
