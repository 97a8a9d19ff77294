namespace Platform.SeedLoader;

/// <summary>The three bodies as the platform names them (the token's "body" claim); each writes only through its own service.</summary>
public static class Bodies
{
    public const string Organization = "organization";
    public const string HomeAffairs = "home-affairs";
    public const string DelegateAffairs = "delegate-affairs";

    public static readonly IReadOnlyList<string> All = [Organization, HomeAffairs, DelegateAffairs];
}
