using Grpc.Core;
using Microsoft.AspNetCore.Authentication;

namespace Platform.Screens;

/// <summary>
/// The person signed in to the screens: who, which body, which roles, and the access token their calls to the
/// services carry. What they may see and change is decided by the services; the screens only hide the controls
/// a role cannot use.
/// </summary>
public sealed class ScreenSession(IHttpContextAccessor accessor)
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No request.");

    public string Name => Http.User.FindFirst("name")?.Value ?? Http.User.FindFirst("sub")?.Value ?? "";
    public string Body => Http.User.FindFirst("body")?.Value ?? "";
    public IReadOnlyList<string> Roles => Http.User.FindAll("role").Select(c => c.Value).ToList();
    public bool Is(string role) => Roles.Contains(role);
    public bool IsEditor => Is("editor");

    /// <summary>Call options carrying the person's token, with a deadline so that a slow service cannot hold the page.</summary>
    public async Task<CallOptions> CallAsync()
    {
        var token = await Http.GetTokenAsync(ScreensExtensions.CookieScheme, "access_token");
        return new CallOptions(new Metadata { { "Authorization", $"Bearer {token}" } }, DateTime.UtcNow + CallTimeout, Http.RequestAborted);
    }
}
