using Platform.Api.Security;

namespace Platform.Gateway.DevelopmentIssuer;

/// <summary>
/// The development principals: for every body and role, a client-credentials client and a person,
/// both named "&lt;body&gt;-&lt;role&gt;" with the secret / password "dev-secret". Development only.
/// </summary>
public static class DevelopmentDirectory
{
    public const string DevelopmentSecret = "dev-secret";
    public const string ScreensClientId = "planning-screens";
    public const string Audience = "platform-api";

    public static readonly IReadOnlyList<string> Roles = ["viewer", "editor", "vetting", "reviewer", "ops"];

    private static readonly Dictionary<string, string> BodyNames = new()
    {
        [PlatformBodies.Organization] = "Ban Tổ chức Trung ương",
        [PlatformBodies.HomeAffairs] = "Bộ Nội vụ",
        [PlatformBodies.DelegateAffairs] = "Ban Công tác đại biểu",
    };

    // The role as the screens' header shows it, in Vietnamese (the role's code stays in the token).
    private static readonly Dictionary<string, string> RoleNames = new()
    {
        ["viewer"] = "người xem",
        ["editor"] = "người soạn thảo",
        ["vetting"] = "bộ phận thẩm tra",
        ["reviewer"] = "người xem xét",
        ["ops"] = "vận hành",
    };

    public sealed record Principal(string Name, string Body, string Role, string DisplayName);

    public static IEnumerable<Principal> All =>
        from body in PlatformBodies.All
        from role in Roles
        select new Principal($"{body}-{role}", body, role, $"{BodyNames[body]} ({RoleNames[role]})");

    public static Principal? Find(string? name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>Every scope of the platform: "&lt;body&gt;.read" and "&lt;body&gt;.write" for each body.</summary>
    public static IEnumerable<string> AllScopes => PlatformBodies.All.SelectMany(b => new[] { $"{b}.read", $"{b}.write" });

    /// <summary>
    /// What a principal may be granted: reading every body's APIs (the rules of each RPC decide what
    /// exactly), writing only its own body's, and only as an editor, reviewer or operator (ops: re-queueing
    /// and trimming its own service's messages; every RPC that writes data also requires its own role).
    /// </summary>
    public static IEnumerable<string> AllowedScopes(Principal principal) =>
        PlatformBodies.All.Select(b => $"{b}.read")
            .Concat(principal.Role is "editor" or "reviewer" or "ops" ? [$"{principal.Body}.write"] : []);
}
