namespace Platform.Gateway.DevelopmentIssuer;

/// <summary>
/// Whether a return address stays on this site, as ASP.NET Core's Url.IsLocalUrl decides it: a path from the root
/// ("/conferences?x=1"), never "//host" or "/\host" (browsers read both as another host), and no control characters
/// anywhere (browsers drop a tab or line feed, so "/&lt;TAB&gt;/evil.example" is "//evil.example"; a line feed would
/// not even fit in the Location header).
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string url) =>
        url.Length > 0 && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
