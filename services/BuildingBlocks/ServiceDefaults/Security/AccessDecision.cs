using Platform.Access.V1;

namespace Platform.ServiceDefaults.Security;

/// <summary>Whether a principal may make a call under an access rule, and if not, why.</summary>
public static class AccessDecision
{
    /// <summary>Null when allowed; otherwise the reason for PermissionDenied.</summary>
    public static string? Deny(AccessRule rule, PlatformPrincipal principal, string serviceBody)
    {
        if (principal.Body is null || !PlatformBodies.All.Contains(principal.Body))
        {
            return "the caller belongs to none of the three bodies";
        }
        if (rule.Bodies == Bodies.Owning && principal.Body != serviceBody)
        {
            return $"only members of {serviceBody} may do this";
        }
        if (rule.Roles.Count > 0 && !rule.Roles.Any(role => principal.Roles.Contains(RoleName(role))))
        {
            return $"it needs the role {string.Join(" or ", rule.Roles.Select(RoleName))}";
        }
        var scope = $"{serviceBody}.{(rule.Operation == Operation.Write ? "write" : "read")}";
        if (!principal.Scopes.Contains(scope))
        {
            return $"the token lacks the scope {scope}";
        }
        return null;
    }

    /// <summary>ROLE_VIEWER → "viewer", as tokens carry it.</summary>
    public static string RoleName(Role role) => role.ToString().ToLowerInvariant();
}
