using Platform.Access.V1;
using Platform.Contracts.Errors;

namespace Platform.Api.Security;

/// <summary>Whether a principal may make a call under an access rule, and if not, why.</summary>
public static class AccessDecision
{
    /// <summary>Null when allowed; otherwise why not, for PermissionDenied.</summary>
    public static Denial? Deny(AccessRule rule, PlatformPrincipal principal, string serviceBody)
    {
        if (principal.Body is null || !PlatformBodies.All.Contains(principal.Body))
        {
            return new(ErrorReasons.NotAMember, "the caller belongs to none of the three bodies");
        }
        if (rule.Bodies == Bodies.Owning && principal.Body != serviceBody)
        {
            return new(ErrorReasons.OtherBodysResource, $"only members of {serviceBody} may do this", ("body", serviceBody));
        }
        if (rule.Roles.Count > 0 && !rule.Roles.Any(role => principal.Roles.Contains(RoleName(role))))
        {
            var roles = string.Join(" or ", rule.Roles.Select(RoleName));
            return new(ErrorReasons.RoleRequired, $"it needs the role {roles}", ("roles", string.Join(",", rule.Roles.Select(RoleName))));
        }
        var scope = $"{serviceBody}.{(rule.Operation == Operation.Write ? "write" : "read")}";
        if (!principal.Scopes.Contains(scope))
        {
            return new(ErrorReasons.ScopeRequired, $"the token lacks the scope {scope}", ("scope", scope));
        }
        return null;
    }

    /// <summary>ROLE_VIEWER → "viewer", as tokens carry it.</summary>
    public static string RoleName(Role role) => role.ToString().ToLowerInvariant();
}

/// <summary>Why a call is refused: the ErrorInfo reason, the English message and the values it names.</summary>
public sealed record Denial(string Reason, string Message, params (string Key, string Value)[] Metadata);
